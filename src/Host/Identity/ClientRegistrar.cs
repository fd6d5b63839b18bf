using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Identity;

/// <summary>
/// Creates or updates the OpenIddict clients named in configuration. Running it twice changes nothing:
/// a client is written only when its configuration differs from what is stored.
/// </summary>
internal sealed class ClientRegistrar(
    IOpenIddictApplicationManager applications,
    IOptions<OneStopOpenIddictOptions> options,
    ILogger<ClientRegistrar> logger)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        foreach (var client in options.Value.Clients)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Registered OpenID Connect client {ClientId}", client.ClientId);
                continue;
            }

            var stored = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(stored, existing, cancellationToken);
            var secretMatches = client.ClientSecret is null
                || await applications.ValidateClientSecretAsync(existing, client.ClientSecret, cancellationToken);
            if (!secretMatches || !SameRegistration(stored, descriptor))
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
                logger.LogInformation("Updated OpenID Connect client {ClientId}", client.ClientId);
            }
        }
    }

    private static OpenIddictApplicationDescriptor Describe(ClientRegistration client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            DisplayName = client.DisplayName,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            // First-party clients of the centre: the user already trusts them; no consent screen.
            ConsentType = ConsentTypes.Implicit,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var grant in client.Grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }

        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
        return descriptor;
    }

    private static bool SameRegistration(OpenIddictApplicationDescriptor a, OpenIddictApplicationDescriptor b) =>
        a.DisplayName == b.DisplayName
        && a.ClientType == b.ClientType
        && a.ConsentType == b.ConsentType
        && a.Permissions.SetEquals(b.Permissions)
        && a.Requirements.SetEquals(b.Requirements)
        && a.RedirectUris.SetEquals(b.RedirectUris)
        && a.PostLogoutRedirectUris.SetEquals(b.PostLogoutRedirectUris);
}
