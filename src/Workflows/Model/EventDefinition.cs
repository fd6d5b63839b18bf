namespace OneStop.Workflows.Model;

/// <summary>The event definition of an event node, flattened.</summary>
public sealed record EventDefinition
{
    /// <summary>An event with no definition.</summary>
    public static readonly EventDefinition NoneEvent = new() { Trigger = EventTrigger.None };

    /// <summary>The trigger.</summary>
    public required EventTrigger Trigger { get; init; }

    /// <summary>XML local name of the definition (for messages about unsupported ones).</summary>
    public string? DefinitionType { get; init; }

    /// <summary>Message name (resolved from <c>messageRef</c>; falls back to the ref id).</summary>
    public string? MessageName { get; init; }

    /// <summary>Whether the message name was taken from the element name because <c>messageRef</c> is missing.</summary>
    public bool MessageNameFromElement { get; init; }

    /// <summary>Correlation key expression of a message catch or throw (<c>os:correlationKey</c>).</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Timer kind.</summary>
    public TimerKind TimerKind { get; init; }

    /// <summary>Timer expression text.</summary>
    public string? TimerExpression { get; init; }

    /// <summary>Error or escalation code; null means catch-all on catch events.</summary>
    public string? Code { get; init; }

    /// <summary>Whether an error/escalation reference was written but could not be resolved.</summary>
    public string? UnresolvedRef { get; init; }

    /// <summary>Link name.</summary>
    public string? LinkName { get; init; }
}

/// <summary>Multi-instance or standard loop characteristics of an activity.</summary>
public sealed record LoopSpec
{
    /// <summary>True for <c>multiInstanceLoopCharacteristics</c>, false for <c>standardLoopCharacteristics</c>.</summary>
    public required bool IsMultiInstance { get; init; }

    /// <summary>Multi-instance: run one after another.</summary>
    public bool IsSequential { get; init; }

    /// <summary>Multi-instance: expression giving the collection (<c>os:collection</c> or <c>loopDataInputRef</c>).</summary>
    public string? Collection { get; init; }

    /// <summary>Multi-instance: variable holding the current item (<c>os:elementVariable</c> or <c>inputDataItem</c>).</summary>
    public string? ElementVariable { get; init; }

    /// <summary>Multi-instance: <c>loopCardinality</c> expression.</summary>
    public string? Cardinality { get; init; }

    /// <summary>Multi-instance: <c>completionCondition</c> expression.</summary>
    public string? CompletionCondition { get; init; }

    /// <summary>Standard loop: <c>loopCondition</c> expression.</summary>
    public string? LoopCondition { get; init; }

    /// <summary>Standard loop: <c>loopMaximum</c>.</summary>
    public int? LoopMaximum { get; init; }

    /// <summary>Standard loop: evaluate the condition before each iteration.</summary>
    public bool TestBefore { get; init; }
}

/// <summary>OneStop extension attributes (namespace <see cref="BpmnNamespaces.OneStop"/>).</summary>
public sealed record OsExtensions
{
    /// <summary>No extensions.</summary>
    public static readonly OsExtensions Empty = new();

    /// <summary>
    /// <c>os:department</c>: candidate department code. A user task without its own takes the <c>os:department</c> of
    /// the nearest lane that holds it (a nested lane without one inherits its parent lane's). Written as
    /// <c>${expression}</c> it is evaluated over the variables when the task is created, so one flow can serve the
    /// procedures of several agencies (e.g. <c>${processingUnit ?? '000.00.03.H56/HCTP'}</c>).
    /// </summary>
    public string? Department { get; init; }

    /// <summary>The expression of a <c>${…}</c> <see cref="Department"/>; null for a literal department.</summary>
    public string? DepartmentExpression =>
        Department is { Length: > 3 } d && d.StartsWith("${", StringComparison.Ordinal) && d.EndsWith('}') ? d[2..^1] : null;

    /// <summary><c>os:role</c>: candidate role.</summary>
    public string? Role { get; init; }

    /// <summary><c>os:assignee</c>: Scriban expression giving the assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary><c>os:deadline</c>: ISO 8601 duration (fractions allowed).</summary>
    public string? Deadline { get; init; }

    /// <summary><c>os:calendar</c>: <c>working</c> or <c>wall</c>.</summary>
    public string? Calendar { get; init; }

    /// <summary><c>os:handler</c>: service/send task handler key.</summary>
    public string? Handler { get; init; }

    /// <summary><c>os:status</c>: status passed through when the element is entered.</summary>
    public string? Status { get; init; }

    /// <summary><c>os:outcomes</c>: outcomes a user may choose on a user task.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary><c>os:notice</c>: template code passed through when the element is entered.</summary>
    public string? Notice { get; init; }
}
