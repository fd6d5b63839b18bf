using System.Globalization;
using QRCoder;
using Scriban.Runtime;

namespace OneStop.Host.Features.Notices;

/// <summary>
/// The functions templates may call, besides Scriban's built-in ones. Each takes model values (ISO strings for
/// times, numbers for amounts) and returns text; the SVG helpers return markup that is written unescaped.
/// A missing value prints as the dotted blank of the paper form, so an incomplete notice still reads as a form.
/// </summary>
internal static class NoticeFunctions
{
    public const string DateBlank = "ngày … tháng … năm …";
    public const string TimeBlank = "… giờ … phút, ngày … tháng … năm …";
    public const string Dots = "……………………";

    public static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("vn_date", new Func<object?, string>(v => Instant(v) is { } i ? VietnameseText.Date(i) : DateBlank));
        functions.Import("vn_time_date", new Func<object?, string>(v => Instant(v) is { } i ? VietnameseText.TimeAndDate(i) : TimeBlank));
        functions.Import("vn_short_date", new Func<object?, string>(v => Instant(v) is { } i ? VietnameseText.ShortDate(i) : ""));
        functions.Import("vnd", new Func<object?, string>(v => Amount(v) is { } a ? VietnameseText.Amount(a) : Dots));
        functions.Import("vnd_words", new Func<object?, string>(v => Amount(v) is { } a ? VietnameseText.AmountInWords(a) : Dots));
        functions.Import("number_words", new Func<object?, string>(v => Amount(v) is { } a ? VietnameseText.NumberInWords((long)a) : Dots));
        functions.Import("or_dots", new Func<object?, string>(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)) ? Dots : Convert.ToString(v, CultureInfo.InvariantCulture)!));
        functions.Import("timeliness", new Func<object?, string>(v => (v as string) switch
        {
            "early" => "Trước hạn",
            "on_time" => "Đúng hạn",
            "late" => "Quá hạn",
            _ => "",
        }));
        functions.Import("fee_kind", new Func<object?, string>(v => v as string == "charge" ? "Lệ phí" : "Phí"));
        functions.Import("qr_svg", new Func<object?, object>(v => new NoticeRenderer.RawHtml(Text(v) is { Length: > 0 } t ? QrSvg(t) : "")));
        functions.Import("barcode_svg", new Func<object?, object>(v => new NoticeRenderer.RawHtml(Text(v) is { Length: > 0 } t ? Code128.Svg(t) : "")));
        return functions;
    }

    /// <summary>QR code (error correction M: survives a stamp or a fold) scaled by its container.</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(100, 100), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg.Replace("<svg ", "<svg class=\"qr\" role=\"img\" aria-label=\"QR " + System.Net.WebUtility.HtmlEncode(text) + "\" ", StringComparison.Ordinal);
    }

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>Model times arrive as ISO 8601 strings; a date without a time is that day.</summary>
    private static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => new DateTimeOffset(d),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnameseText.VietnamOffset),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) => instant,
        _ => null,
    };

    private static decimal? Amount(object? value) => value switch
    {
        null => null,
        string s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        IConvertible c => c.ToDecimal(CultureInfo.InvariantCulture),
        _ => null,
    };
}
