namespace OneStop.Host.Features.Dossiers;

/// <summary>The last dossier number handed out by one agency on one day (its receipt date in the centre's time zone).</summary>
public sealed class DossierSequence
{
    public required string AgencyCode { get; init; }

    public DateOnly Date { get; init; }

    public int Last { get; set; }
}
