namespace OneStop.Host.Features.Catalogue;

/// <summary>
/// Where a folder of <c>templates/</c> is, resolved as <see cref="Notices.NoticeLibrary.ResolveFolder"/> resolves
/// templates/notices: the configured path if set (relative to the content root); else the repository's
/// templates/&lt;name&gt; above the content root (a source checkout and the tests, whose content root is src/Host); else
/// templates/&lt;name&gt; under the content root (a published build, where the csproj copies the templates).
/// </summary>
internal static class TemplateFolders
{
    public static string Resolve(IConfiguration configuration, string contentRoot, string pathKey, string name)
    {
        var configured = configuration[pathKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var checkout = Path.GetFullPath(Path.Combine("..", "..", "templates", name), contentRoot);
        return Directory.Exists(checkout) ? checkout : Path.Combine(contentRoot, "templates", name);
    }
}
