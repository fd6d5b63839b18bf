using System.Collections.Concurrent;
using System.Text.Json;
using Scriban;

namespace OneStop.Host.Features.Notices;

/// <summary>
/// The templates folder: its manifest, the template files (parsed once per file version) and the sample models.
/// Only files named by the manifest are read, and only inside the folder.
/// </summary>
public sealed class NoticeLibrary
{
    /// <summary>Configuration key of the folder; relative paths are taken from the content root.</summary>
    public const string PathKey = "Notices:TemplatesPath";

    /// <summary>From src/Host (the content root of a source checkout and of the tests) to the repository's templates.</summary>
    private const string SourceCheckoutPath = "../../templates/notices";

    private readonly ConcurrentDictionary<string, (DateTime Written, Template Parsed)> parsed = new(StringComparer.Ordinal);

    private NoticeLibrary(string folder, NoticeManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public string Folder { get; }

    public NoticeManifest Manifest { get; }

    /// <summary>
    /// <c>Notices:TemplatesPath</c> if set; else the repository's templates/notices above the content root (source
    /// checkout), else templates/notices under it (a published build, where the csproj copies them).
    /// </summary>
    public static string ResolveFolder(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[PathKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var checkout = Path.GetFullPath(SourceCheckoutPath, contentRoot);
        return Directory.Exists(checkout) ? checkout : Path.Combine(contentRoot, "templates", "notices");
    }

    public static NoticeLibrary Load(string folder)
    {
        var file = Path.Combine(folder, "manifest.json");
        if (!File.Exists(file))
        {
            throw new StartupException($"OS4000: notice manifest not found at {file}; set {PathKey} to the folder of manifest.json.");
        }

        var manifest = JsonSerializer.Deserialize<NoticeManifest>(File.ReadAllText(file), NoticeManifest.Json)
            ?? throw new StartupException($"OS4000: {file} is empty.");
        var duplicate = manifest.Templates.GroupBy(t => t.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StartupException($"OS4000: template code {duplicate.Key} appears twice in {file}.");
        }

        return new NoticeLibrary(Path.GetFullPath(folder), manifest);
    }

    public NoticeTemplateInfo? Find(string code) =>
        Manifest.Templates.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The version of <paramref name="form"/> in force on <paramref name="date"/> (e.g. the 2018 receipt before 1 July 2025).</summary>
    public NoticeTemplateInfo? ValidOn(string form, DateOnly date) =>
        Manifest.Templates.Where(t => string.Equals(t.Form, form, StringComparison.Ordinal) && t.IsValidOn(date))
            .OrderByDescending(t => t.EffectiveFrom ?? DateOnly.MinValue)
            .FirstOrDefault();

    public NoticeModel ReadSample(NoticeTemplateInfo template) =>
        JsonSerializer.Deserialize<NoticeModel>(File.ReadAllText(PathOf(template.Sample)), NoticeManifest.Json)
            ?? throw new InvalidDataException($"{template.Sample} is empty.");

    /// <summary>The source of a template's file, as an administrator starts editing it.</summary>
    public string ReadSource(NoticeTemplateInfo template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return File.ReadAllText(PathOf(template.Template));
    }

    /// <summary>The parsed template of a manifest file, re-read when the file changes (editing a template needs no restart).</summary>
    internal Template Parse(string code, string relativePath)
    {
        var path = PathOf(relativePath);
        var written = File.GetLastWriteTimeUtc(path);
        if (parsed.TryGetValue(path, out var cached) && cached.Written == written)
        {
            return cached.Parsed;
        }

        var template = NoticeRenderer.Parse(code, relativePath, File.ReadAllText(path));
        parsed[path] = (written, template);
        return template;
    }

    private string PathOf(string relativePath)
    {
        var path = Path.GetFullPath(relativePath, Folder);
        if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{relativePath} is outside the templates folder.");
        }

        return path;
    }
}
