namespace OneStop.Host.Features.ProcessDesign;

/// <summary>
/// The working copy of a procedure flow in the designer. Publishing deploys it to the engine as a new immutable
/// version; the draft stays for further edits. <see cref="Revision"/> refuses a save over a newer save.
/// </summary>
public sealed class ProcessDraft
{
    /// <summary>The process key (BPMN process id), stable across versions.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>The BPMN XML as the designer saved it.</summary>
    public required string Xml { get; set; }

    /// <summary>Increases with every save; a save names the revision it started from.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
