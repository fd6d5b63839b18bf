using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Identity;

/// <summary>Adds the full name and the agency and department codes of a staff user to the sign-in cookie.</summary>
internal sealed class OneStopClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    OneStopDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Claims.Name, user.FullName));
        foreach (var claim in await OrganisationClaimsAsync(db, user))
        {
            identity.AddClaim(claim);
        }

        return identity;
    }

    /// <summary>The agency and department claims of <paramref name="user"/>; none for citizens.</summary>
    public static async Task<IReadOnlyList<Claim>> OrganisationClaimsAsync(OneStopDbContext db, ApplicationUser user)
    {
        var claims = new List<Claim>(2);
        if (user.AgencyId is { } agencyId)
        {
            var code = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).SingleAsync();
            claims.Add(new Claim(OneStopClaims.Agency, code));
        }

        if (user.DepartmentId is { } departmentId)
        {
            var code = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Code).SingleAsync();
            claims.Add(new Claim(OneStopClaims.Department, code));
        }

        return claims;
    }
}
