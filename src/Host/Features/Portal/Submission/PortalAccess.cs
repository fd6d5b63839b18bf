using System.Globalization;
using System.Linq.Expressions;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>Who uses the online channel's pages (for <c>[Authorize]</c>) and how they show times and statuses.</summary>
public static class PortalAccess
{
    public const string CitizenRole = Identity.Roles.Citizen;

    /// <summary>The centre's online queue: the counter's roles.</summary>
    public const string ReceptionRoles = Identity.Roles.Reception + "," + Identity.Roles.Admin;

    /// <summary>The signed-in session (ASP.NET Core Identity's application cookie).</summary>
    public const string Scheme = "Identity.Application";

    public static string TimeAndDate(DateTimeOffset instant) =>
        instant.ToOffset(Notices.VietnameseText.VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string StatusName(DossierStatus status) =>
        DossierStatuses.NameOf(status, english: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");

    /// <summary>"200.000 đ".</summary>
    public static string Money(decimal amount) => amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đ";

    /// <summary>
    /// The files of their own dossier a citizen gets: what they uploaded and the results officers marked as such; the
    /// officers' working attachments stay internal.
    /// </summary>
    public static Expression<Func<DossierFile, bool>> CitizenFiles(string userName) =>
        f => f.Kind == DossierFileKind.Result || f.AddedBy == userName;

    /// <summary>The appointment the citizen holds, or null while the centre has not accepted the dossier.</summary>
    public static DateTimeOffset? Appointment(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return dossier.Status is DossierStatus.Registered or DossierStatus.Refused ? null : dossier.AppointmentAt;
    }
}
