using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Workflows.Calendar;

/// <summary>
/// An ISO 8601 duration such as <c>P5D</c>, <c>PT4H</c> or <c>P0.5D</c> (fractions allowed on any component).
/// Years and months stay calendar units; weeks count as seven days.
/// </summary>
public readonly partial record struct IsoDuration(decimal Years, decimal Months, decimal Days, decimal Hours, decimal Minutes, decimal Seconds)
{
    [GeneratedRegex(@"^P(?!$)(?:(?<y>\d+(?:[.,]\d+)?)Y)?(?:(?<mo>\d+(?:[.,]\d+)?)M)?(?:(?<w>\d+(?:[.,]\d+)?)W)?(?:(?<d>\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<mi>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex Pattern();

    private const int MaxLength = 100;

    /// <summary>Parses a duration; returns false when the text is not an ISO 8601 duration.</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        // The pattern is linear; the length cap and the generous timeout only guard against abuse, and a loaded
        // machine must not turn a valid duration into a timeout.
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        decimal Part(string name) => match.Groups[name].Success
            ? decimal.Parse(match.Groups[name].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture)
            : 0m;
        duration = new IsoDuration(Part("y"), Part("mo"), Part("w") * 7 + Part("d"), Part("h"), Part("mi"), Part("s"));
        return true;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/>.</summary>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration.");

    /// <summary>The fixed-length part (days, hours, minutes, seconds) as a time span; a day is 24 hours.</summary>
    public TimeSpan FixedPart =>
        TimeSpan.FromTicks((long)(((Days * 24m + Hours) * 60m + Minutes) * 60m * TimeSpan.TicksPerSecond + Seconds * TimeSpan.TicksPerSecond));

    /// <summary>The ISO 8601 text (<c>P1Y2M3DT4H5M6.5S</c>, <c>PT0S</c> when zero); <see cref="Parse"/> reads it back.</summary>
    public override string ToString()
    {
        static string Part(decimal value, char unit) =>
            value == 0 ? "" : value.ToString("0.############################", CultureInfo.InvariantCulture) + unit;
        var date = Part(Years, 'Y') + Part(Months, 'M') + Part(Days, 'D');
        var time = Part(Hours, 'H') + Part(Minutes, 'M') + Part(Seconds, 'S');
        return date.Length + time.Length == 0 ? "PT0S" : "P" + date + (time.Length == 0 ? "" : "T" + time);
    }

    /// <summary>Adds the duration to an instant on the wall clock.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        var wholeMonths = (int)decimal.Truncate(Years * 12m + Months);
        var fractionDays = (Years * 12m + Months - wholeMonths) * 30m;
        return start.AddMonths(wholeMonths).Add(FixedPart).Add(TimeSpan.FromTicks((long)(fractionDays * TimeSpan.TicksPerDay)));
    }
}
