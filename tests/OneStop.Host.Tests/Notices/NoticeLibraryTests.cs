using Microsoft.Extensions.Configuration;
using OneStop.Host.Features.Notices;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Notices;

public sealed class NoticeLibraryTests
{
    [Fact]
    public void From_a_source_checkout_the_repository_s_templates_are_used()
    {
        var folder = NoticeLibrary.ResolveFolder(new ConfigurationBuilder().Build(), Repository.HostProject);

        Assert.Equal(Notices.Folder, folder);
    }

    [Fact]
    public void A_configured_path_wins_and_is_taken_from_the_content_root()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [NoticeLibrary.PathKey] = "custom/notices" }).Build();

        Assert.Equal(Path.Combine(Repository.HostProject, "custom", "notices"), NoticeLibrary.ResolveFolder(configuration, Repository.HostProject));
    }

    [Fact]
    public void A_published_build_reads_the_copy_beside_the_application()
    {
        var published = Path.Combine(Path.GetTempPath(), $"onestop-published-{Guid.NewGuid():N}", "app");

        Assert.Equal(Path.Combine(published, "templates", "notices"), NoticeLibrary.ResolveFolder(new ConfigurationBuilder().Build(), published));
    }

    [Fact]
    public void A_missing_manifest_stops_with_a_message_that_names_the_setting()
    {
        var error = Assert.Throws<StartupException>(() => NoticeLibrary.Load(Path.Combine(Path.GetTempPath(), $"no-notices-{Guid.NewGuid():N}")));

        Assert.Contains(NoticeLibrary.PathKey, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("OS4000", error.Message, StringComparison.Ordinal);
    }
}
