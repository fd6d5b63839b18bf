using System.Globalization;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Reception;

/// <summary>Who may use the counter's pages, for <c>[Authorize]</c> on each page.</summary>
public static class ReceptionAccess
{
    public const string Roles = Identity.Roles.Reception + "," + Identity.Roles.Admin;

    /// <summary>The signed-in session (ASP.NET Core Identity's application cookie; <c>IdentityConstants.ApplicationScheme</c>).</summary>
    public const string Scheme = "Identity.Application";

    /// <summary>"14:05 27/10/2023" in Vietnam time, for appointments and history rows.</summary>
    public static string TimeAndDate(DateTimeOffset instant) =>
        instant.ToOffset(Notices.VietnameseText.VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The national name of the status, in English when the page is.</summary>
    public static string StatusName(DossierStatus status) =>
        DossierStatuses.NameOf(status, english: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
}
