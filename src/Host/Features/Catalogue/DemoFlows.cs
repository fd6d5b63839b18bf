using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Catalogue;

/// <summary>
/// The demo flows of templates/flows (on the spot, one department with the head's approval, inter-agency with the
/// cooperating agency's called process): every <c>*.bpmn</c> there is deployed and published through the engine when
/// the demo province is seeded. Idempotent: the engine returns the existing version for XML whose hash equals the
/// key's latest or published version, so a second seeding (or a restart) writes nothing; an edited file becomes the
/// next published version.
/// </summary>
internal static class DemoFlows
{
    /// <summary>Configuration key of the folder; relative paths are taken from the content root.</summary>
    public const string PathKey = "Flows:TemplatesPath";

    /// <summary>Who the seeded versions are deployed and published by.</summary>
    public const string SeedUser = "seed";

    /// <summary><c>Flows:TemplatesPath</c> if set; else templates/flows as templates/notices is found (<see cref="TemplateFolders"/>).</summary>
    public static string ResolveFolder(IConfiguration configuration, string contentRoot) =>
        TemplateFolders.Resolve(configuration, contentRoot, PathKey, "flows");

    /// <summary>Deploys and publishes every <c>*.bpmn</c> of the folder, in file name order; one record per process.</summary>
    /// <exception cref="StartupException">The folder is missing, or a file has validation errors.</exception>
    public static async Task<IReadOnlyList<DefinitionRecord>> DeployAsync(WorkflowEngine engine, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!Directory.Exists(folder))
        {
            throw new StartupException($"OS1010: demo flows not found at {folder}; set {PathKey} to the folder of the .bpmn files.");
        }

        var published = new List<DefinitionRecord>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            var result = await engine.DeployAsync(xml, new DeployOptions { Publish = true, User = SeedUser }, cancellationToken);
            if (!result.Succeeded)
            {
                throw new StartupException($"OS1010: demo flow {Path.GetFileName(file)} does not validate: "
                    + string.Join("; ", result.Problems.Select(p => $"{p.Code} {p.ElementId} ({p.Line}:{p.Column})")));
            }

            published.AddRange(result.Definitions);
        }

        return published;
    }
}
