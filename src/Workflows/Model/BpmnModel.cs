namespace OneStop.Workflows.Model;

/// <summary>A parsed BPMN document.</summary>
public sealed class BpmnModel
{
    /// <summary>The original XML, unchanged.</summary>
    public required string Xml { get; init; }

    /// <summary>Processes in document order.</summary>
    public List<ProcessModel> Processes { get; } = [];

    /// <summary>Pools of the collaborations: participant id to process id.</summary>
    public Dictionary<string, string> Participants { get; } = new(StringComparer.Ordinal);

    /// <summary>The process to execute by default: the first marked executable, else the first with a start event.</summary>
    public ProcessModel? DefaultProcess =>
        Processes.FirstOrDefault(p => p.IsExecutable) ?? Processes.FirstOrDefault(p => p.Scope.StartEvents.Any());

    /// <summary>Finds a process by id.</summary>
    public ProcessModel? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);
}

/// <summary>A process definition inside a BPMN document.</summary>
public sealed class ProcessModel
{
    /// <summary>The process id (the definition key when deployed).</summary>
    public required string Id { get; init; }

    /// <summary>The process name.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>isExecutable</c> attribute.</summary>
    public bool IsExecutable { get; init; }

    /// <summary>Where the process is written.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>The top-level scope.</summary>
    public required FlowScope Scope { get; init; }

    /// <summary>All nodes by id, at any depth.</summary>
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    /// <summary>All flows by id, at any depth.</summary>
    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Finds a node by id.</summary>
    public FlowNode GetNode(string id) => NodesById.TryGetValue(id, out var n) ? n
        : throw new KeyNotFoundException($"Element '{id}' is not in process '{Id}'.");
}
