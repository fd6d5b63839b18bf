namespace OneStop.Workflows;

/// <summary>Marker for the engine assembly.</summary>
public static class WorkflowsAssembly;
