using System.Security.Claims;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// Who sees which dossier: centre staff (reception), supervisors and admins see all; officers of an agency see the
/// dossiers their agency leads or cooperates on. Anything else is "not found", so codes cannot be probed.
/// </summary>
public static class DossierAccess
{
    public static bool SeesAll(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Reception);
    }

    /// <summary>The agency whose dossiers the user sees, or null when the user sees all (or none: see <see cref="CanSee"/>).</summary>
    public static string? AgencyOf(ClaimsPrincipal user) => user?.FindFirst(OneStopClaims.Agency)?.Value;

    public static bool CanSee(ClaimsPrincipal user, Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (SeesAll(user))
        {
            return true;
        }

        var isOfficer = user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.AgencyLeader);
        return isOfficer && AgencyOf(user) is { } agency && dossier.Involves(agency);
    }

    /// <summary>Narrows a dossier query to what the user sees.</summary>
    public static IQueryable<Dossier> Visible(IQueryable<Dossier> dossiers, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        if (SeesAll(user))
        {
            return dossiers;
        }

        var isOfficer = user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.AgencyLeader);
        if (!isOfficer || AgencyOf(user) is not { } agency)
        {
            return dossiers.Where(_ => false);
        }

        var listed = "," + agency + ",";
        return dossiers.Where(d => d.LeadAgencyCode == agency || ("," + d.CooperatingAgencyCodes + ",").Contains(listed));
    }

    /// <summary>The user's unit as the engine names departments: <c>AGENCY/DEPT</c>.</summary>
    public static string? UnitOf(ClaimsPrincipal user) =>
        user?.FindFirst(OneStopClaims.Agency)?.Value is { } agency && user.FindFirst(OneStopClaims.Department)?.Value is { } department
            ? agency + "/" + department
            : null;
}
