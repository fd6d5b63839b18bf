using System.Net;
using System.Security.Cryptography.X509Certificates;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Seeding;

public sealed class ProductionTests
{
    [Fact]
    public async Task Production_uses_configured_certificates_and_the_configured_first_admin_and_has_no_demo_users()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"onestop-prod-{Guid.NewGuid():N}");
        var settings = TestCertificates.Settings(folder);
        settings["Bootstrap:AdminUserName"] = "chief";
        settings["Bootstrap:AdminPassword"] = "Chief-Password-2026";
        try
        {
            await using var app = await OneStopApp.StartAsync(settings, "Production");
            using var http = app.CreateHttpClient();

            var demo = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "admin", OidcClient.DemoPassword);
            var chief = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "chief", "Chief-Password-2026");
            var discovery = await http.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, demo.StatusCode); // the login page again: no demo user in Production
            Assert.Equal(HttpStatusCode.Redirect, chief.StatusCode);
            // Plain HTTP is refused on the OpenID Connect endpoints outside Development.
            Assert.Equal(HttpStatusCode.BadRequest, discovery.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Production_signs_tokens_with_the_configured_certificate()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"onestop-prod-{Guid.NewGuid():N}");
        var settings = TestCertificates.Settings(folder);
        settings["OpenIddict:RequireHttps"] = "false";
        try
        {
            await using var app = await OneStopApp.StartAsync(settings, "Production");
            using var http = app.CreateHttpClient();

            var jwks = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/.well-known/jwks", UriKind.Relative)));

            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings["OpenIddict:SigningCertificate:Path"]!, TestCertificates.Password);
            var thumbprint = Convert.ToBase64String(certificate.GetCertHash()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
            Assert.Equal(thumbprint, key.GetProperty("x5t").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Production_refuses_demo_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"onestop-prod-{Guid.NewGuid():N}");
        var environment = TestCertificates.Settings(folder)
            .ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Database__SeedDemoData"] = "true";
        environment["ConnectionStrings__OneStop"] = $"Data Source={Path.Combine(folder, "prod.db")}";
        try
        {
            var result = await HostProcess.RunAsync(environment);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("OS1006", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
