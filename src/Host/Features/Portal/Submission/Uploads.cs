using System.Globalization;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// What a citizen may upload: PDF, JPEG or PNG, recognised by the first bytes of the content (never by the file name
/// or the browser's content type), at most <c>Portal:MaxUploadBytes</c> each (10 MB by default).
/// </summary>
public sealed class Uploads(IConfiguration configuration)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public const string AllowedTypesText = "PDF, JPEG, PNG";

    private static readonly (string ContentType, string Extension, string[] Extensions, byte[] Magic)[] Types =
    [
        ("application/pdf", ".pdf", [".pdf"], "%PDF-"u8.ToArray()),
        ("image/jpeg", ".jpg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        ("image/png", ".png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    public long MaxBytes { get; } = configuration?.GetValue<long?>("Portal:MaxUploadBytes") is > 0 and var max ? max : DefaultMaxBytes;

    /// <summary>"10 MB", "4 KB" or "900 byte".</summary>
    public string MaxText => Size(MaxBytes);

    /// <summary>The content type the bytes show, or null when they are none of the allowed types.</summary>
    public static async Task<string?> SniffAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        foreach (var (contentType, _, _, magic) in Types)
        {
            if (read >= magic.Length && head.AsSpan(0, magic.Length).SequenceEqual(magic))
            {
                return contentType;
            }
        }

        return null;
    }

    /// <summary>The Vietnamese error for one uploaded file, or null when it may be stored.</summary>
    public async Task<string?> CheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return "Tải lên tệp của giấy tờ này.";
        }

        if (file.Length > MaxBytes)
        {
            return $"Tệp vượt quá dung lượng tối đa {MaxText}.";
        }

        // The content decides the type; a name that claims another type (a PNG or a program named .pdf) is refused too.
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var type = await SniffAsync(file, cancellationToken);
        var matches = type is not null && Array.IndexOf(Types.First(t => t.ContentType == type).Extensions, extension) >= 0;
        return matches ? null : $"Chỉ nhận tệp {AllowedTypesText}, đúng với nội dung tệp (kiểm tra theo nội dung, không theo tên tệp).";
    }

    /// <summary>A safe name to store: the file name without folders, with the extension of the type found.</summary>
    public static string FileName(IFormFile file, string contentType)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Types.First(t => t.ContentType == contentType).Extension;
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName.Replace('\\', '/')));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\'))]).Trim();
        if (name.Length == 0)
        {
            name = "tep";
        }

        return (name.Length > 200 ? name[..200] : name) + extension;
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} byte"),
    };
}
