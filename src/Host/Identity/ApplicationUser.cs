using Microsoft.AspNetCore.Identity;
using OneStop.Host.Features.Agencies;

namespace OneStop.Host.Identity;

/// <summary>A staff member or a citizen. Staff belong to one agency and one department of it.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public required string FullName { get; set; }

    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public Guid? DepartmentId { get; set; }

    public Department? Department { get; set; }
}
