namespace OneStop.Workflows.Model;

/// <summary>Where an element sits in the source XML.</summary>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>A node of a process graph: event, activity or gateway.</summary>
public sealed class FlowNode
{
    /// <summary>The BPMN id.</summary>
    public required string Id { get; init; }

    /// <summary>The BPMN name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>What kind of node this is.</summary>
    public required ElementKind Kind { get; init; }

    /// <summary>The XML local name (e.g. <c>userTask</c>); used as element type in the journal.</summary>
    public required string XmlType { get; init; }

    /// <summary>Where the element starts in the XML.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>The scope (process or sub-process) that contains this node.</summary>
    public required FlowScope Scope { get; init; }

    /// <summary>Outgoing sequence flows, in document order.</summary>
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>Incoming sequence flows, in document order.</summary>
    public List<SequenceFlow> Incoming { get; } = [];

    /// <summary>The event definition of an event node; <see cref="EventTrigger.None"/> otherwise.</summary>
    public EventDefinition Event { get; init; } = EventDefinition.NoneEvent;

    /// <summary>Boundary events attached to this activity.</summary>
    public List<FlowNode> Boundaries { get; } = [];

    /// <summary>For a boundary event: the id of the activity it is attached to.</summary>
    public string? AttachedToId { get; init; }

    /// <summary>For a boundary event: the activity it is attached to (resolved after reading).</summary>
    public FlowNode? AttachedTo { get; set; }

    /// <summary>For a boundary event or event sub-process start event: whether it interrupts.</summary>
    public bool CancelActivity { get; init; } = true;

    /// <summary>Id of the default outgoing flow of a gateway or activity.</summary>
    public string? DefaultFlowId { get; init; }

    /// <summary>The inner scope of a sub-process.</summary>
    public FlowScope? SubScope { get; set; }

    /// <summary>Whether a sub-process is an event sub-process.</summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>Script text of a script task.</summary>
    public string? Script { get; init; }

    /// <summary>Script format of a script task (null or <c>scriban</c> means Scriban).</summary>
    public string? ScriptFormat { get; init; }

    /// <summary>Process key called by a call activity.</summary>
    public string? CalledElement { get; init; }

    /// <summary>Input mappings of a call activity (parent to child); on a message throw, the variables the message carries.</summary>
    public List<VariableMapping> InMappings { get; } = [];

    /// <summary>Output mappings of a call activity (child to parent).</summary>
    public List<VariableMapping> OutMappings { get; } = [];

    /// <summary>Multi-instance or standard loop characteristics.</summary>
    public LoopSpec? Loop { get; init; }

    /// <summary>OneStop extension attributes.</summary>
    public OsExtensions Os { get; init; } = OsExtensions.Empty;

    /// <summary>For an event-based gateway: whether it instantiates the process (unsupported).</summary>
    public bool Instantiate { get; init; }

    /// <summary>Whether the node is an activity (task, sub-process, call activity).</summary>
    public bool IsActivity => Kind is ElementKind.Task or ElementKind.UserTask or ElementKind.ManualTask
        or ElementKind.ServiceTask or ElementKind.SendTask or ElementKind.ReceiveTask or ElementKind.ScriptTask
        or ElementKind.BusinessRuleTask or ElementKind.SubProcess or ElementKind.CallActivity;

    /// <summary>Whether the node is a gateway.</summary>
    public bool IsGateway => Kind is ElementKind.ExclusiveGateway or ElementKind.ParallelGateway
        or ElementKind.InclusiveGateway or ElementKind.EventBasedGateway;

    /// <inheritdoc/>
    public override string ToString() => $"{XmlType} '{Id}'";
}

/// <summary>A sequence flow between two nodes of the same scope.</summary>
public sealed class SequenceFlow
{
    /// <summary>The BPMN id.</summary>
    public required string Id { get; init; }

    /// <summary>The BPMN name.</summary>
    public string? Name { get; init; }

    /// <summary>Id of the source node as written.</summary>
    public required string SourceId { get; init; }

    /// <summary>Id of the target node as written.</summary>
    public required string TargetId { get; init; }

    /// <summary>The resolved source node, null if it does not exist.</summary>
    public FlowNode? Source { get; set; }

    /// <summary>The resolved target node, null if it does not exist.</summary>
    public FlowNode? Target { get; set; }

    /// <summary>The condition expression (Scriban), null if unconditional.</summary>
    public string? Condition { get; init; }

    /// <summary>Where the flow is written.</summary>
    public SourcePosition Position { get; init; }
}

/// <summary>A process or sub-process body: the nodes and flows it contains.</summary>
public sealed class FlowScope
{
    /// <summary>Id of the process or sub-process.</summary>
    public required string Id { get; init; }

    /// <summary>The sub-process node that owns this scope; null for the process scope.</summary>
    public FlowNode? Owner { get; init; }

    /// <summary>The scope that contains the owner; null for the process scope.</summary>
    public FlowScope? Parent { get; init; }

    /// <summary>Nodes in document order.</summary>
    public List<FlowNode> Nodes { get; } = [];

    /// <summary>Sequence flows in document order.</summary>
    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>Event sub-processes directly inside this scope.</summary>
    public IEnumerable<FlowNode> EventSubProcesses => Nodes.Where(n => n.Kind == ElementKind.SubProcess && n.TriggeredByEvent);

    /// <summary>Start events of the normal flow of this scope.</summary>
    public IEnumerable<FlowNode> StartEvents => Nodes.Where(n => n.Kind == ElementKind.StartEvent);
}

/// <summary>Maps a variable between a parent and a called process.</summary>
/// <param name="Source">Source variable name, or a Scriban expression when <paramref name="IsExpression"/>.</param>
/// <param name="Target">Target variable name.</param>
/// <param name="IsExpression">Whether the source is an expression.</param>
public sealed record VariableMapping(string Source, string Target, bool IsExpression);
