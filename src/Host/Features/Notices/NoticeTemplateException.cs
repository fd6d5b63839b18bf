namespace OneStop.Host.Features.Notices;

/// <summary>A message about a template, where it points: 1-based line and column of the file it names.</summary>
public sealed record NoticeProblem(string TemplateCode, string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{TemplateCode} ({File}:{Line}:{Column}): {Message}";
}

/// <summary>
/// A template that does not parse or fails while rendering (error, limit or time-out). Thrown instead of returning a
/// partial page, so nobody prints a blank or half notice. Identifier OS4001 (parse) or OS4002 (render).
/// </summary>
public sealed class NoticeTemplateException : Exception
{
    public const string ParseErrorId = "OS4001";
    public const string RenderErrorId = "OS4002";

    public NoticeTemplateException(string errorId, IReadOnlyList<NoticeProblem> problems, Exception? inner = null)
        : base($"{errorId}: {string.Join("; ", problems)}", inner)
    {
        ErrorId = errorId;
        Problems = problems;
    }

    public string ErrorId { get; }

    public IReadOnlyList<NoticeProblem> Problems { get; }
}
