using System.Security.Claims;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Dossiers;

/// <summary>The staff member acting on a dossier: user name for the history, unit (<c>AGENCY/DEPT</c>) for the hand-offs.</summary>
public sealed record Officer(string UserName, string? Unit, string? DisplayName = null)
{
    public static Officer Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirst("preferred_username")?.Value ?? user.Identity?.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
        var unit = user.FindFirst(OneStopClaims.Agency)?.Value is { } agency && user.FindFirst(OneStopClaims.Department)?.Value is { } department
            ? agency + "/" + department
            : null;
        return new Officer(name, unit, user.FindFirst("name")?.Value);
    }
}
