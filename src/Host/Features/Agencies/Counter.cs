namespace OneStop.Host.Features.Agencies;

/// <summary>A reception counter (quầy) of the service centre, staffed by the agency it serves.</summary>
public sealed class Counter
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Number shown on tickets and the display screen ("Quầy 1").</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    /// <summary>The agency whose procedures this counter receives.</summary>
    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public bool IsActive { get; set; } = true;
}
