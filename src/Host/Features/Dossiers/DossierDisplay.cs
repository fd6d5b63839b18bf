using System.Globalization;

namespace OneStop.Host.Features.Dossiers;

/// <summary>How pages show dossier times: the centre's local time, day first, as officers write them.</summary>
public static class DossierDisplay
{
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } value ? Local(value, zone) : "—";
}
