namespace OneStop.Workflows.Validation;

/// <summary>How serious a problem is. Errors prevent a model from running.</summary>
public enum ProblemSeverity
{
    /// <summary>The model runs, but probably not as intended.</summary>
    Warning,
    /// <summary>The model cannot run.</summary>
    Error,
}

/// <summary>One problem found in a BPMN document.</summary>
/// <param name="Code">Stable identifier, e.g. <c>OS2001</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="ElementId">The element concerned, if any.</param>
/// <param name="Line">1-based line, 0 if unknown.</param>
/// <param name="Column">1-based column, 0 if unknown.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record ValidationProblem(
    string Code,
    ProblemSeverity Severity,
    string? ElementId,
    int Line,
    int Column,
    string MessageVi,
    string MessageEn)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code} {Severity} {ElementId} ({Line}:{Column}): {MessageEn}";
}
