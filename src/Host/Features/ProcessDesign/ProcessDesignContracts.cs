using System.Text.Json.Nodes;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>Whether a flow has a published version yet.</summary>
public enum FlowStatus
{
    /// <summary>Only a draft (Nháp).</summary>
    Draft,
    /// <summary>A version is published (Đã ban hành).</summary>
    Published,
}

/// <summary>The diagram a new flow starts from.</summary>
public enum FlowTemplate
{
    /// <summary>One start event.</summary>
    Blank,
    /// <summary>Receive → specialist → head of department → leader → return result.</summary>
    Starter,
}

/// <summary>One row of the flow list.</summary>
/// <param name="PublishedVersion">The version new instances start on, if any.</param>
/// <param name="DraftRevision">The draft's revision, 0 when there is no draft.</param>
/// <param name="HasUnpublishedChanges">The draft differs from the published version.</param>
/// <param name="Procedures">Local codes of the catalogue's procedures (TTHC) whose dossiers run this flow.</param>
public sealed record FlowSummary(
    string Key,
    string Name,
    FlowStatus Status,
    int? PublishedVersion,
    int LatestVersion,
    int DraftRevision,
    bool HasUnpublishedChanges,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> Procedures);

/// <summary>Creates a flow: <paramref name="Key"/> becomes the BPMN process id.</summary>
public sealed record CreateFlowRequest(string Key, string Name, FlowTemplate Template = FlowTemplate.Blank);

/// <summary>The draft the editor opens.</summary>
/// <param name="Revision">Name it when saving; 0 when the XML comes from a version because there is no draft yet.</param>
/// <param name="FromVersion">The version the XML was taken from when there is no draft.</param>
public sealed record DraftResponse(
    string Key,
    string Name,
    string Xml,
    int Revision,
    int? FromVersion,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);

/// <summary>Saves the draft over <paramref name="Revision"/>, the revision the editor loaded.</summary>
public sealed record SaveDraftRequest(string Xml, int Revision);

/// <summary>The new revision after a save.</summary>
public sealed record SaveDraftResponse(string Key, string Name, int Revision, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>XML to validate.</summary>
public sealed record ValidateRequest(string Xml);

/// <summary>One validation problem, with its message in the caller's language and in both languages.</summary>
public sealed record ProblemDto(
    string Code,
    string Severity,
    string? ElementId,
    int Line,
    int Column,
    string Message,
    string MessageVi,
    string MessageEn);

/// <summary>Problems of a document; <paramref name="Valid"/> is false when any problem is an error.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ProblemDto> Problems);

/// <summary>Publishes the draft at <paramref name="Revision"/>.</summary>
public sealed record PublishRequest(int Revision);

/// <summary>The published version; <paramref name="Unchanged"/> when that content was already published.</summary>
public sealed record PublishResponse(string Key, int Version, bool Unchanged, IReadOnlyList<ProblemDto> Warnings);

/// <summary>One version of a flow.</summary>
public sealed record VersionSummary(
    int Version,
    string Status,
    string ContentHash,
    DateTimeOffset DeployedAt,
    string? DeployedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedBy);

/// <summary>One version with its XML (read-only).</summary>
public sealed record VersionResponse(string Key, string? Name, int Version, string Status, string Xml);

/// <summary>The result of an import: the new draft.</summary>
public sealed record ImportResponse(string Key, string Name, string Xml, int Revision, IReadOnlyList<ProblemDto> Problems);

/// <summary>A choice in a properties-panel list.</summary>
public sealed record LookupOption(string Value, string Label);

/// <summary>The lists the properties panel offers.</summary>
public sealed record DesignerLookups(
    IReadOnlyList<LookupOption> Departments,
    IReadOnlyList<LookupOption> Roles,
    IReadOnlyList<LookupOption> Handlers,
    IReadOnlyList<LookupOption> Notices,
    IReadOnlyList<LookupOption> Statuses);

/// <summary>What the instance viewer draws.</summary>
/// <param name="Active">Elements where a token is now.</param>
/// <param name="Completed">Elements and sequence flows the instance has passed.</param>
/// <param name="Counts">How many times each element was entered.</param>
public sealed record InstanceView(
    string Id,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Xml,
    IReadOnlyList<string> Active,
    IReadOnlyList<string> Completed,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<JournalLine> Journal,
    IReadOnlyList<OpenTask> Tasks,
    IReadOnlyList<IncidentLine> Incidents);

/// <summary>One journal entry.</summary>
public sealed record JournalLine(long Sequence, DateTimeOffset Time, string Event, string? ElementId, string? ElementName, JsonObject? Data);

/// <summary>An open user task with its department's name.</summary>
public sealed record OpenTask(
    string Id,
    string ElementId,
    string? Name,
    string? Department,
    string? DepartmentName,
    string? Role,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt);

/// <summary>An open incident; <paramref name="CanRetry"/> when a token still waits at the step that failed.</summary>
public sealed record IncidentLine(string Id, string? ElementId, string Kind, string Message, DateTimeOffset CreatedAt, bool CanRetry);
