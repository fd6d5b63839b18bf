namespace OneStop.Host.Identity;

/// <summary>The <c>OpenIddict</c> configuration section.</summary>
public sealed class OneStopOpenIddictOptions
{
    public const string Section = "OpenIddict";

    /// <summary>Refuse plain HTTP on the OpenID Connect endpoints. Default: true; Development turns it off for localhost.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>PKCS#12 file that signs tokens. Required outside Development.</summary>
    public CertificateFile SigningCertificate { get; set; } = new();

    /// <summary>PKCS#12 file that encrypts authorization codes and refresh tokens. Required outside Development.</summary>
    public CertificateFile EncryptionCertificate { get; set; } = new();

    /// <summary>Lifetime of access tokens. Default: 30 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Clients registered (created or updated) at start-up: browser apps, the kiosk, the national portal.</summary>
    public List<ClientRegistration> Clients { get; set; } = [];
}

public sealed class CertificateFile
{
    /// <summary>Path of a .pfx file; empty means not configured.</summary>
    public string? Path { get; set; }

    /// <summary>Password of the .pfx file, from a secret store or environment variable, never from the repository.</summary>
    public string? Password { get; set; }
}

public sealed class ClientRegistration
{
    public string ClientId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Set for confidential clients (client credentials); a public client (PKCE) has none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth grant types: <c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>Scopes the client may request, e.g. <c>api</c>, <c>profile</c>, <c>roles</c>, <c>offline_access</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
