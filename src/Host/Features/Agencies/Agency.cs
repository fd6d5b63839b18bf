namespace OneStop.Host.Features.Agencies;

/// <summary>An agency (cơ quan) that receives or decides dossiers: a department (Sở), a company, a vertical agency or the centre itself.</summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>QCVN 102:2016-shaped code such as <c>000.00.06.H56</c>; opaque, newer shapes exist.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    public AgencyKind Kind { get; set; }

    public bool IsActive { get; set; } = true;

    public List<Department> Departments { get; } = [];
}

public enum AgencyKind
{
    /// <summary>Provincial department (Sở) or equivalent body of the provincial People's Committee.</summary>
    Department,
    /// <summary>State-owned company providing public services (electricity, water).</summary>
    Company,
    /// <summary>Vertically managed agency: Police, Social Insurance, Tax.</summary>
    VerticalAgency,
    /// <summary>The Public Administrative Service Centre (TTPVHCC) itself.</summary>
    ServiceCentre,
    /// <summary>Commune-level one-stop centre.</summary>
    CommuneCentre,
}
