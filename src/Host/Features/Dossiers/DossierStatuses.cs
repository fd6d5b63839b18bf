using OneStop.Host.Features.ProcessDesign;

namespace OneStop.Host.Features.Dossiers;

/// <summary>Names of the national status codes (one list: <see cref="NationalStatuses"/>).</summary>
public static class DossierStatuses
{
    public static string NameOf(DossierStatus status, bool english = false)
    {
        var entry = NationalStatuses.All.FirstOrDefault(s => s.Code == (int)status);
        return entry.Code == 0 ? status.ToString() : english ? entry.English : entry.Vietnamese;
    }

    /// <summary>True for a status code the flow may set with <c>os:status</c>.</summary>
    public static bool IsKnown(int code) => Enum.IsDefined(typeof(DossierStatus), code);
}
