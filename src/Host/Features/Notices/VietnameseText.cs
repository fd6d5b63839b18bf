using System.Globalization;
using System.Text;

namespace OneStop.Host.Features.Notices;

/// <summary>How a number is read aloud; regional habits differ, and each is correct Vietnamese.</summary>
/// <param name="ZeroTens">Word for an empty tens place before a unit: "linh" (105 = một trăm linh năm) or "lẻ" (một trăm lẻ năm).</param>
/// <param name="FiveAfterTens">Word for 5 after a tens word: "lăm" (hai mươi lăm) or "nhăm" (hai mươi nhăm).</param>
/// <param name="FourAfterTens">Word for 4 after "mươi": "tư" (hai mươi tư) or "bốn".</param>
public sealed record VietnameseNumberStyle(string ZeroTens = "linh", string FiveAfterTens = "lăm", string FourAfterTens = "tư")
{
    public static VietnameseNumberStyle Standard { get; } = new();
}

/// <summary>Dates, amounts and numbers the way Vietnamese administrative documents write them.</summary>
public static class VietnameseText
{
    /// <summary>Asia/Ho_Chi_Minh has had no daylight saving since 1975, so a fixed offset is exact for every notice.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    private static readonly string[] Groups = ["", " nghìn", " triệu"];

    /// <summary>"ngày 05 tháng 02 năm 2024", "ngày 27 tháng 10 năm 2023" (Decree 30/2020: a 0 before days below 10 and months 1 and 2).</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime));

    /// <summary>"09 giờ 32 phút, ngày 27 tháng 10 năm 2023", in Vietnam time.</summary>
    public static string TimeAndDate(DateTimeOffset instant)
    {
        var local = instant.ToOffset(VietnamOffset);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00} giờ {local.Minute:00} phút, ") + Date(local);
    }

    /// <summary>"27/10/2023", for table cells where the long form does not fit.</summary>
    public static string ShortDate(DateTimeOffset instant) => instant.ToOffset(VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2.100.000" — the "." thousands separator of vi-VN, whatever the server's culture.</summary>
    public static string Amount(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.##", Vietnamese);

    /// <summary>"Hai triệu một trăm nghìn đồng".</summary>
    public static string AmountInWords(decimal amount, VietnameseNumberStyle? style = null)
    {
        if (amount != decimal.Truncate(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Đồng amounts have no fractional part.");
        }

        return Capitalize(NumberInWords((long)amount, style)) + " đồng";
    }

    /// <summary>"hai mươi mốt", "một trăm linh năm", "một triệu không trăm linh năm".</summary>
    public static string NumberInWords(long number, VietnameseNumberStyle? style = null)
    {
        style ??= VietnameseNumberStyle.Standard;
        if (number == 0)
        {
            return Digits[0];
        }

        if (number < 0)
        {
            // long.MinValue has no positive counterpart; it is far beyond any amount anyway.
            return number == long.MinValue ? throw new ArgumentOutOfRangeException(nameof(number)) : "âm " + NumberInWords(-number, style);
        }

        var words = new StringBuilder();
        Append(words, number, style, leading: true);
        return words.ToString();
    }

    /// <summary>Reads below a billion by groups of three; above, recursively as "… tỷ", so 10^12 is "một nghìn tỷ".</summary>
    private static void Append(StringBuilder words, long number, VietnameseNumberStyle style, bool leading)
    {
        const long Billion = 1_000_000_000;
        if (number >= Billion)
        {
            Append(words, number / Billion, style, leading);
            words.Append(" tỷ");
            number %= Billion;
            leading = false;
            if (number == 0)
            {
                return;
            }
        }

        for (var group = 2; group >= 0; group--)
        {
            var divisor = (long)Math.Pow(1000, group);
            var value = (int)(number / divisor % 1000);
            if (value == 0)
            {
                // Empty groups are skipped ("một triệu không trăm linh năm", not "… không nghìn …").
                continue;
            }

            if (words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(ReadGroup(value, full: !leading, style)).Append(Groups[group]);
            leading = false;
        }
    }

    /// <summary>One group of three digits; <paramref name="full"/> reads the hundreds even when zero ("không trăm").</summary>
    private static string ReadGroup(int value, bool full, VietnameseNumberStyle style)
    {
        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var units = value % 10;
        var parts = new List<string>(4);
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds]);
            parts.Add("trăm");
        }

        if (tens == 0)
        {
            if (units > 0 && parts.Count > 0)
            {
                parts.Add(style.ZeroTens);
            }
        }
        else
        {
            parts.Add(tens == 1 ? "mười" : Digits[tens] + " mươi");
        }

        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens >= 2 => "mốt",
                4 when tens >= 2 => style.FourAfterTens,
                5 when tens >= 1 => style.FiveAfterTens,
                _ => Digits[units],
            });
        }

        return string.Join(' ', parts);
    }

    private static string Capitalize(string text) => string.Concat(char.ToUpper(text[0], Vietnamese).ToString(), text.AsSpan(1));
}
