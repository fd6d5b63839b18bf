using System.Text.Json.Serialization;

namespace OneStop.Workflows.Persistence;

/// <summary>Lifecycle of a definition version.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DefinitionStatus>))]
public enum DefinitionStatus
{
    /// <summary>Deployed for trial; can be started by explicit version only.</summary>
    Draft,
    /// <summary>The version new instances start on; immutable.</summary>
    Published,
    /// <summary>Superseded by a later published version, or retired by hand: starts no new instances; running instances stay on it.</summary>
    Retired,
}

/// <summary>One version of a process definition.</summary>
public sealed class DefinitionRecord
{
    /// <summary>The key (the BPMN process id), stable across versions.</summary>
    public required string Key { get; init; }

    /// <summary>Version number, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>Status.</summary>
    public DefinitionStatus Status { get; set; }

    /// <summary>The process name.</summary>
    public string? Name { get; init; }

    /// <summary>SHA-256 of the XML, hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The original BPMN XML, unchanged.</summary>
    public required string Xml { get; init; }

    /// <summary>When it was deployed.</summary>
    public DateTimeOffset DeployedAt { get; init; }

    /// <summary>Who deployed it (null when unknown).</summary>
    public string? DeployedBy { get; init; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Who published it (null when unknown).</summary>
    public string? PublishedBy { get; set; }
}
