using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Tests.Catalogue;

public sealed class DemoFlowsTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Seeding_publishes_the_demo_flows_once_and_every_demo_procedure_resolves_to_one_of_them()
    {
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        foreach (var key in new[] { "tthc-tai-cho", "tthc-mot-phong", "tthc-lien-thong", "tthc-phoi-hop" })
        {
            var version = Assert.Single(await engine.GetDefinitionVersionsAsync(key));
            Assert.Equal((1, DefinitionStatus.Published, DemoFlows.SeedUser), (version.Version, version.Status, version.PublishedBy));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var keys = await db.CatalogueProcedures.Select(p => p.WorkflowKey).Distinct().ToListAsync();
        Assert.Equal(["tthc-lien-thong", "tthc-mot-phong", "tthc-tai-cho"], keys.Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            Assert.Contains(await engine.GetDefinitionVersionsAsync(key!), v => v.Status == DefinitionStatus.Published);
        }

        // Deploying the same files again returns the published versions: nothing new is written.
        var again = await DemoFlows.DeployAsync(engine, DemoFlows.ResolveFolder(new ConfigurationBuilder().Build(), Repository.HostProject), CancellationToken.None);
        Assert.Equal(4, again.Count);
        Assert.All(again, v => Assert.Equal((1, DefinitionStatus.Published), (v.Version, v.Status)));
        Assert.Equal(4, await db.WorkflowDefinitions.CountAsync());
    }
}
