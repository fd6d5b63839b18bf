using System.Globalization;

namespace OneStop.Workflows.Execution;

/// <summary>The one format for instants in journal data and runner output: ISO 8601 with offset, no trailing zeros.</summary>
public static class IsoInstant
{
    /// <summary>Formats an instant, e.g. <c>2026-01-05T08:00:00+07:00</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
