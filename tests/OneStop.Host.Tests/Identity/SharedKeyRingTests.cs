using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Identity;

/// <summary>Two nodes on one database share the data-protection key ring: a session signed in on one works on the other.</summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task A_session_signed_in_on_one_node_is_accepted_by_another_node_of_the_same_database()
    {
        await using var first = await OneStopApp.StartAsync(new Dictionary<string, string?>());
        await using var second = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OneStop"] = $"Data Source={Path.Combine(first.Folder, "onestop.db")}",
        });
        // Cookies are not bound to a port: the container sends the first node's session cookie to the second node.
        var cookies = new CookieContainer();
        using var onFirst = first.CreateHttpClient(cookies);
        using var onSecond = second.CreateHttpClient(cookies);

        var login = await OidcClient.PostLoginAsync(onFirst, new Uri("/Account/Login", UriKind.Relative), "reception", OidcClient.DemoPassword);
        var page = await onSecond.GetAsync(new Uri("/reception", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var scope = second.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().DataProtectionKeys.ToListAsync());
    }
}
