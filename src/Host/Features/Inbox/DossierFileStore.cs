using System.Security.Cryptography;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Inbox;

/// <summary>
/// Where the bytes of dossier files live: one file per content, named by its SHA-256 (hex), so the same document
/// attached twice is stored once and a stored file can be checked against its row. The folder is <c>Files:Path</c>;
/// by default a <c>files</c> folder in the SQLite database's folder (<c>data/files</c> in the content root otherwise).
/// </summary>
public sealed class DossierFileStore
{
    /// <summary>Largest file an officer may attach (20 MB).</summary>
    public const long MaxFileLength = 20 * 1024 * 1024;

    public DossierFileStore(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        Folder = Path.GetFullPath(configuration["Files:Path"] is { Length: > 0 } configured
            ? Path.Combine(environment.ContentRootPath, configured)
            : Path.Combine(DatabaseProviderExtensions.DataFolder(configuration, environment), "files"));
    }

    public string Folder { get; }

    /// <summary>Stores <paramref name="content"/> and returns its SHA-256 (hex, lower case) and length.</summary>
    public async Task<(string Sha256, long Length)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = Path.Combine(Folder, sha);
            if (!File.Exists(target))
            {
                File.Move(temporary, target, overwrite: true);
            }

            return (sha, length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens a stored file, or null when the store does not have it.</summary>
    public Stream? Open(string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var path = Path.Combine(Folder, sha256);
        return sha256.All(char.IsAsciiHexDigit) && File.Exists(path) ? File.OpenRead(path) : null;
    }
}
