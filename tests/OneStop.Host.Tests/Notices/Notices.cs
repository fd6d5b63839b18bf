using OneStop.Host.Features.Notices;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Notices;

/// <summary>The repository's notice templates, as the Host loads them.</summary>
internal static class Notices
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "templates", "notices");

    public static NoticeLibrary Library { get; } = NoticeLibrary.Load(Folder);

    public static NoticeRenderer Renderer(NoticeRenderLimits? limits = null) => new(Library, limits);

    /// <summary>How a value appears in the HTML: escaped as the renderer escapes it.</summary>
    public static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
