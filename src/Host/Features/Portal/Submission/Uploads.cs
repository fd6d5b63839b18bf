using System.Globalization;
using OneStop.Host.Features.Catalogue;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// What a citizen may upload: PDF, JPEG or PNG, recognised by the first bytes of the content (never by the file name
/// or the browser's content type), at most <c>Portal:MaxUploadBytes</c> each (10 MB by default). A document of the
/// catalogue may narrow the types and set its own size limit (<see cref="RequiredDocument.FileTypes"/>,
/// <see cref="RequiredDocument.MaxUploadKb"/>).
/// </summary>
public sealed class Uploads(IConfiguration configuration)
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly (UploadTypes Type, string ContentType, string Extension, string[] Extensions, byte[] Magic)[] Types =
    [
        (UploadTypes.Pdf, "application/pdf", ".pdf", [".pdf"], "%PDF-"u8.ToArray()),
        (UploadTypes.Jpeg, "image/jpeg", ".jpg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        (UploadTypes.Png, "image/png", ".png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    public long MaxBytes { get; } = configuration?.GetValue<long?>("Portal:MaxUploadBytes") is > 0 and var max ? max : DefaultMaxBytes;

    /// <summary>The rule of one upload: the document's own, else every type up to <see cref="MaxBytes"/>.</summary>
    public UploadRule RuleFor(RequiredDocument? document) => new(
        document is { FileTypes: not UploadTypes.None } ? document.FileTypes : UploadTypes.Pdf | UploadTypes.Jpeg | UploadTypes.Png,
        document?.MaxUploadKb is { } kb ? kb * 1024L : MaxBytes);

    /// <summary>The content type the bytes show, or null when they are none of the known types.</summary>
    public static async Task<string?> SniffAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        foreach (var (_, contentType, _, _, magic) in Types)
        {
            if (read >= magic.Length && head.AsSpan(0, magic.Length).SequenceEqual(magic))
            {
                return contentType;
            }
        }

        return null;
    }

    /// <summary>The Vietnamese error for one uploaded file under <paramref name="rule"/>, or null when it may be stored.</summary>
    public static async Task<string?> CheckAsync(IFormFile? file, UploadRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (file is null || file.Length == 0)
        {
            return "Tải lên tệp của giấy tờ này.";
        }

        if (file.Length > rule.MaxBytes)
        {
            return $"Tệp vượt quá dung lượng tối đa {rule.MaxText}.";
        }

        // The content decides the type; a name that claims another type (a PNG or a program named .pdf) is refused too.
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var contentType = await SniffAsync(file, cancellationToken);
        var type = Types.FirstOrDefault(t => t.ContentType == contentType);
        var matches = contentType is not null && rule.Types.HasFlag(type.Type) && Array.IndexOf(type.Extensions, extension) >= 0;
        return matches ? null : $"Chỉ nhận tệp {rule.TypesText}, đúng với nội dung tệp (kiểm tra theo nội dung, không theo tên tệp).";
    }

    /// <summary>The <c>accept</c> attribute of a file input under <paramref name="rule"/>.</summary>
    public static string Accept(UploadRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return string.Join(',', Types.Where(t => rule.Types.HasFlag(t.Type)).SelectMany(t => t.Extensions.Append(t.ContentType)));
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

/// <summary>What one upload may be: the types (by content) and the largest size.</summary>
public sealed record UploadRule(UploadTypes Types, long MaxBytes)
{
    /// <summary>"PDF, JPEG, PNG".</summary>
    public string TypesText => string.Join(", ", Types.Each().Select(t => t.ToString().ToUpperInvariant()));

    /// <summary>"10 MB", "4 KB" or "900 byte".</summary>
    public string MaxText => Uploads.Size(MaxBytes);
}
