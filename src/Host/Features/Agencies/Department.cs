namespace OneStop.Host.Features.Agencies;

/// <summary>A unit inside an agency (phòng, chi cục) that officers belong to and tasks are assigned to.</summary>
public sealed class Department
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>Unique within the agency; the engine's <c>os:department</c> refers to <c>AGENCYCODE/DEPTCODE</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;
}
