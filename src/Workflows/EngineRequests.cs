using System.Text.Json.Nodes;
using OneStop.Workflows.Persistence;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows;

/// <summary>How to deploy a document.</summary>
public sealed record DeployOptions
{
    /// <summary>Publish the new versions at once (default false: they stay drafts).</summary>
    public bool Publish { get; init; }

    /// <summary>Who deploys (and publishes, with <see cref="Publish"/>): recorded as <see cref="DefinitionRecord.DeployedBy"/>.</summary>
    public string? User { get; init; }
}

/// <summary>The outcome of a deployment.</summary>
/// <param name="Succeeded">False when the document has errors; nothing was deployed then.</param>
/// <param name="Definitions">One version per process of the document.</param>
/// <param name="Problems">All problems, errors and warnings.</param>
public sealed record DeploymentResult(bool Succeeded, IReadOnlyList<DefinitionRecord> Definitions, IReadOnlyList<ValidationProblem> Problems);

/// <summary>Starts an instance.</summary>
public sealed record StartInstanceRequest
{
    /// <summary>Definition key (process id).</summary>
    public required string Key { get; init; }

    /// <summary>A specific version (drafts allowed, retired refused); default the latest published one.</summary>
    public int? Version { get; init; }

    /// <summary>Business key (the dossier code).</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Initial process variables.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }

    /// <summary>The start event to use; default the none start event.</summary>
    public string? StartEventId { get; init; }
}

/// <summary>Completes a user task.</summary>
public sealed record CompleteUserTaskRequest
{
    /// <summary>The chosen outcome (must be one of <c>os:outcomes</c> when the task declares them); set as variable <c>outcome</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Variables to set.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Variables { get; init; }

    /// <summary>Who completed it.</summary>
    public string? User { get; init; }
}

/// <summary>The outcome of correlating a message.</summary>
/// <param name="Correlated">Whether a waiting instance or a message start event took the message.</param>
/// <param name="InstanceId">The instance that took it.</param>
/// <param name="Buffered">Whether nobody waited and the message was kept for a later subscription.</param>
public sealed record CorrelationResult(bool Correlated, string? InstanceId, bool Buffered = false);
