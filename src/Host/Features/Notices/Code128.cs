using System.Globalization;
using System.Text;

namespace OneStop.Host.Features.Notices;

/// <summary>
/// Code 128 (ISO/IEC 15417) for the dossier code on every notice, so the counter's scanners read it back. Code set B
/// carries printable ASCII; runs of digits switch to code set C (two digits per symbol) where that is shorter.
/// </summary>
public static class Code128
{
    public const int StartA = 103;
    public const int StartB = 104;
    public const int StartC = 105;
    public const int Stop = 106;
    private const int CodeB = 100;
    private const int CodeC = 99;

    /// <summary>
    /// Widths of bar, space, bar, space, bar, space (in modules) of each symbol value 0–106; the stop symbol has a
    /// final 2-module bar. Every symbol spans 11 modules (the stop 13).
    /// </summary>
    internal static readonly string[] Patterns =
    [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ];

    /// <summary>The symbol values, start to stop, checksum included.</summary>
    public static IReadOnlyList<int> Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Any(c => c < ' ' || c > '~'))
        {
            throw new ArgumentException("Code 128 here carries printable ASCII only (a dossier code is).", nameof(text));
        }

        var values = new List<int>(text.Length + 4);
        var inC = DigitRun(text, 0) is var first && (first == text.Length ? first % 2 == 0 && first >= 2 : first >= 4);
        values.Add(inC ? StartC : StartB);
        var i = 0;
        while (i < text.Length)
        {
            var run = DigitRun(text, i);
            if (inC)
            {
                if (run >= 2)
                {
                    values.Add(((text[i] - '0') * 10) + (text[i + 1] - '0'));
                    i += 2;
                    continue;
                }

                values.Add(CodeB);
                inC = false;
            }

            // Switching to C and back costs two symbols; a run pays for that from 6 digits (4 at the end of the text).
            var even = run - (run % 2);
            if (even >= 6 || (even >= 4 && i + run == text.Length))
            {
                if (run % 2 == 1)
                {
                    values.Add(text[i] - ' ');
                    i++;
                }

                values.Add(CodeC);
                inC = true;
                continue;
            }

            values.Add(text[i] - ' ');
            i++;
        }

        var checksum = values[0];
        for (var position = 1; position < values.Count; position++)
        {
            checksum += position * values[position];
        }

        values.Add(checksum % 103);
        values.Add(Stop);
        return values;
    }

    /// <summary>The barcode as modules, '1' for bar and '0' for space, without the quiet zones.</summary>
    public static string Modules(string text)
    {
        var modules = new StringBuilder();
        foreach (var value in Encode(text))
        {
            var pattern = Patterns[value];
            for (var element = 0; element < pattern.Length; element++)
            {
                modules.Append(element % 2 == 0 ? '1' : '0', pattern[element] - '0');
            }
        }

        return modules.ToString();
    }

    /// <summary>
    /// An inline SVG: one rectangle per bar, a 10-module quiet zone each side, and the text below for people.
    /// Width follows the content so a module stays printable (≥ 0.25 mm at the default 0.33 mm scale).
    /// </summary>
    public static string Svg(string text, double moduleMillimetres = 0.33, double heightMillimetres = 10)
    {
        const int QuietZone = 10;
        var modules = Modules(text);
        var width = modules.Length + (2 * QuietZone);
        var textHeight = 9;
        var barHeight = heightMillimetres / moduleMillimetres;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\" role=\"img\" aria-label=\"{Html(text)}\" ")
            .Append(CultureInfo.InvariantCulture, $"width=\"{width * moduleMillimetres:0.##}mm\" height=\"{(barHeight + textHeight) * moduleMillimetres:0.##}mm\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {barHeight + textHeight:0.##}\" shape-rendering=\"crispEdges\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{barHeight + textHeight:0.##}\" fill=\"#fff\"/>");
        for (var x = 0; x < modules.Length;)
        {
            var end = x;
            while (end < modules.Length && modules[end] == modules[x])
            {
                end++;
            }

            if (modules[x] == '1')
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + QuietZone}\" y=\"0\" width=\"{end - x}\" height=\"{barHeight:0.##}\"/>");
            }

            x = end;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2.0:0.#}\" y=\"{barHeight + textHeight - 1:0.##}\" font-size=\"8\" text-anchor=\"middle\" font-family=\"monospace\">{Html(text)}</text></svg>");
        return svg.ToString();
    }

    private static int DigitRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
