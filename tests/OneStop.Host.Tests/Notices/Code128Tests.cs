using System.Text.RegularExpressions;
using OneStop.Host.Features.Notices;

namespace OneStop.Host.Tests.Notices;

public sealed partial class Code128Tests
{
    [Fact]
    public void The_symbol_table_has_the_structure_of_the_standard()
    {
        Assert.Equal(107, Code128.Patterns.Length);
        Assert.Equal(107, Code128.Patterns.Distinct().Count());
        foreach (var pattern in Code128.Patterns[..^1])
        {
            Assert.Equal(11, pattern.Sum(c => c - '0'));
            // Bars add up to an even number of modules in every symbol: the parity a scanner checks.
            Assert.Equal(0, (pattern[0] + pattern[2] + pattern[4] - (3 * '0')) % 2);
        }

        Assert.Equal(13, Code128.Patterns[^1].Sum(c => c - '0'));
    }

    [Fact]
    public void Start_stop_and_known_symbols_have_their_published_bit_patterns()
    {
        // The module strings printed in ISO/IEC 15417's table.
        Assert.Equal("11010010000", Bits(Code128.StartB));
        Assert.Equal("11010011100", Bits(Code128.StartC));
        Assert.Equal("11010000100", Bits(Code128.StartA));
        Assert.Equal("1100011101011", Bits(Code128.Stop));
        Assert.Equal("11011001100", Bits(0));
        Assert.Equal("10100011000", Bits(33)); // 'A' in code set B
        Assert.Equal("10111101110", Bits(100)); // CODE B (FNC4 in code set B)
        Assert.Equal("10111011110", Bits(99)); // CODE C
    }

    [Fact]
    public void A_dossier_code_switches_to_code_set_C_for_its_date_and_sequence()
    {
        var values = Code128.Encode("000.00.06.H56-231027-0361");

        Assert.Equal(Code128.StartB, values[0]);
        Assert.Equal(Code128.Stop, values[^1]);
        // "231027" and the final "0361" each travel as two-digit symbols after a CODE C.
        Assert.Equal(2, values.Count(v => v == 99));
        Assert.Contains(23, values);
        Assert.Contains(61, values);
        Assert.Equal("000.00.06.H56-231027-0361", Decode(Code128.Modules("000.00.06.H56-231027-0361")));
    }

    [Theory]
    [InlineData("000.00.06.H56-231027-0361")]
    [InlineData("H56.14-261126-0001")]
    [InlineData("1234567890")]
    [InlineData("12345")]
    [InlineData("A")]
    [InlineData("Ab c~!")]
    [InlineData("9")]
    [InlineData("x1234567y")]
    public void What_is_encoded_decodes_back_with_a_valid_checksum(string text) =>
        Assert.Equal(text, Decode(Code128.Modules(text)));

    [Fact]
    public void The_SVG_draws_exactly_the_bars_of_the_modules()
    {
        const string text = "000.00.06.H56-231027-0361";
        var svg = Code128.Svg(text);

        // Rebuild the module string from the rectangles (x, width), after the 10-module quiet zone.
        var bars = BarPattern().Matches(svg).Select(m => (X: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), W: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var modules = new char[bars.Max(b => b.X + b.W) - 10];
        Array.Fill(modules, '0');
        foreach (var (x, w) in bars)
        {
            for (var i = x - 10; i < x - 10 + w; i++)
            {
                modules[i] = '1';
            }
        }

        Assert.Equal(text, Decode(new string(modules)));
        Assert.Contains($">{text}</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_outside_printable_ASCII_is_refused() =>
        Assert.Throws<ArgumentException>(() => Code128.Encode("Hồ sơ"));

    private static string Bits(int value) => string.Concat(Code128.Patterns[value].Select((w, i) => new string(i % 2 == 0 ? '1' : '0', w - '0')));

    /// <summary>A scanner's view: split into 11-module symbols, check the checksum, follow code set changes.</summary>
    private static string Decode(string modules)
    {
        var byBits = Enumerable.Range(0, 107).ToDictionary(Bits, v => v);
        Assert.EndsWith(Bits(Code128.Stop), modules, StringComparison.Ordinal);
        var body = modules[..^13];
        Assert.Equal(0, body.Length % 11);
        var values = Enumerable.Range(0, body.Length / 11).Select(i => byBits[body.Substring(i * 11, 11)]).ToList();
        var checksum = values[0];
        for (var i = 1; i < values.Count - 1; i++)
        {
            checksum += i * values[i];
        }

        Assert.Equal(checksum % 103, values[^1]);
        var text = new System.Text.StringBuilder();
        var set = values[0] == Code128.StartC ? 'C' : 'B';
        foreach (var value in values.Skip(1).SkipLast(1))
        {
            switch (set, value)
            {
                case ('B', 99): set = 'C'; break;
                case ('C', 100): set = 'B'; break;
                case ('C', _): text.Append(value.ToString("00", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: text.Append((char)(value + ' ')); break;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("<rect x=\"(\\d+)\" y=\"0\" width=\"(\\d+)\"")]
    private static partial Regex BarPattern();
}
