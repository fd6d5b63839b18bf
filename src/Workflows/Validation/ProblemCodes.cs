using OneStop.Workflows.Model;

namespace OneStop.Workflows.Validation;

/// <summary>
/// The catalogue of validation problems. Codes are stable: users search for them, so a code is never reused.
/// </summary>
public static class ProblemCodes
{
    /// <summary>The document is not well-formed XML or not a BPMN <c>definitions</c> document.</summary>
    public const string NotBpmn = "OS2000";
    /// <summary>An element or event definition the engine does not execute.</summary>
    public const string UnsupportedElement = "OS2001";
    /// <summary>A sequence flow whose source or target does not exist (or is in another scope).</summary>
    public const string FlowWithoutTarget = "OS2002";
    /// <summary>A gateway without an outgoing flow.</summary>
    public const string GatewayWithoutOutgoing = "OS2003";
    /// <summary>An exclusive gateway without default whose conditions may all be false.</summary>
    public const string ExclusiveMayNotMatch = "OS2004";
    /// <summary>An expression or script that does not parse.</summary>
    public const string ExpressionSyntax = "OS2005";
    /// <summary>An <c>os:handler</c> key that no registered handler serves.</summary>
    public const string UnknownHandler = "OS2006";
    /// <summary>A duration, date or cycle that does not parse.</summary>
    public const string InvalidDuration = "OS2007";
    /// <summary>An element no token can reach.</summary>
    public const string Unreachable = "OS2008";
    /// <summary>A process or sub-process without a start event.</summary>
    public const string NoStartEvent = "OS2009";
    /// <summary>No process can be executed.</summary>
    public const string NoExecutableProcess = "OS2010";
    /// <summary>A script format other than Scriban.</summary>
    public const string UnsupportedScriptFormat = "OS2011";
    /// <summary>A boundary event attached to nothing or to a non-activity.</summary>
    public const string InvalidBoundary = "OS2012";
    /// <summary>A call activity without <c>calledElement</c>.</summary>
    public const string CallWithoutTarget = "OS2013";
    /// <summary>A service or business rule task without <c>os:handler</c>; it passes through.</summary>
    public const string MissingHandler = "OS2014";
    /// <summary>A link throw event without a matching link catch event.</summary>
    public const string UnmatchedLink = "OS2015";
    /// <summary>A multi-instance activity without collection or cardinality.</summary>
    public const string MultiInstanceWithoutInput = "OS2016";
    /// <summary>An event-based gateway followed by something other than a timer or message catch.</summary>
    public const string InvalidEventGateway = "OS2017";
    /// <summary>A duplicated element id.</summary>
    public const string DuplicateId = "OS2018";
    /// <summary>An invalid <c>os:calendar</c> value.</summary>
    public const string InvalidCalendar = "OS2019";
    /// <summary>An event sub-process with a missing or unsupported start event.</summary>
    public const string InvalidEventSubProcess = "OS2020";
    /// <summary>A message event without a message name.</summary>
    public const string MessageWithoutName = "OS2021";
    /// <summary>A process marked not executable (warning; it still runs).</summary>
    public const string NotExecutable = "OS2022";
    /// <summary>A condition in a language the engine does not evaluate (JavaScript, Groovy, Python…).</summary>
    public const string UnsupportedExpressionLanguage = "OS2023";

    internal static ValidationProblem Make(string code, ProblemSeverity severity, string? elementId, SourcePosition at, string vi, string en)
        => new(code, severity, elementId, at.Line, at.Column, vi, en);

    internal static ValidationProblem Error(string code, FlowNode node, string vi, string en)
        => Make(code, ProblemSeverity.Error, node.Id, node.Position, vi, en);

    internal static ValidationProblem Warning(string code, FlowNode node, string vi, string en)
        => Make(code, ProblemSeverity.Warning, node.Id, node.Position, vi, en);
}
