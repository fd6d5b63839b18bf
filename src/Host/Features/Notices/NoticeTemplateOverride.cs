namespace OneStop.Host.Features.Notices;

/// <summary>
/// An administrator's version of a notice template, kept in the database beside the file in templates/notices. The
/// newest row of a code is in force; a row without content returns the code to its file. Rows are never changed or deleted.
/// </summary>
public sealed class NoticeTemplateOverride
{
    public long Id { get; init; }

    /// <summary>The manifest code (<c>TT03-2025/01</c>…).</summary>
    public required string Code { get; init; }

    /// <summary>The Scriban source; null means "back to the file".</summary>
    public string? Content { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>Why it was changed, as the administrator wrote it.</summary>
    public string? Note { get; init; }
}
