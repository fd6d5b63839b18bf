using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Host.Tests.Infrastructure;

/// <summary>Self-signed signing and encryption certificates written as .pfx files, as an operator would provide them.</summary>
public static class TestCertificates
{
    public const string Password = "test-pfx-password";

    public static (string Signing, string Encryption) Create(string folder)
    {
        Directory.CreateDirectory(folder);
        return (Write(folder, "signing", X509KeyUsageFlags.DigitalSignature), Write(folder, "encryption", X509KeyUsageFlags.KeyEncipherment));
    }

    public static Dictionary<string, string?> Settings(string folder)
    {
        var (signing, encryption) = Create(folder);
        return new Dictionary<string, string?>
        {
            ["OpenIddict:SigningCertificate:Path"] = signing,
            ["OpenIddict:SigningCertificate:Password"] = Password,
            ["OpenIddict:EncryptionCertificate:Path"] = encryption,
            ["OpenIddict:EncryptionCertificate:Password"] = Password,
        };
    }

    private static string Write(string folder, string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=OneStop test {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
