using System.Text.Json;

namespace OneStop.Workflows.Persistence;

/// <summary>The JSON settings for instance state (camelCase, enums as strings).</summary>
public static class WorkflowJson
{
    /// <summary>Shared options; do not modify.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
