using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Lookup;

/// <summary>
/// The public look-up (tra cứu hồ sơ) by dossier code, for anyone without signing in. It answers only what the receipt
/// already tells its holder plus where the dossier is: procedure, status, the units working on it, dates, and the public
/// steps of the history. Never a person (applicant, submitter, officer), a document, a comment or an outcome.
/// </summary>
public sealed partial class LookupQuery(OneStopDbContext db, CalendarService calendars, IStringLocalizer<SharedResource> text)
{
    /// <summary>Longer than any code the centre hands out (the 2018 code is 25 characters); anything longer is malformed.</summary>
    private const int MaxCodeLength = 64;

    /// <summary>
    /// The dossier with <paramref name="code"/> (trimmed, case-insensitive), or null when it is unknown or malformed.
    /// Both run the same single query, so neither the answer nor its time tells a malformed code from an unknown one.
    /// </summary>
    public async Task<DossierLookup?> FindAsync(string? code, CancellationToken cancellationToken)
    {
        var normalized = Normalize(code);
        var key = normalized is not null && WellFormed().IsMatch(normalized) ? normalized : "";
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == key)
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.Status, d.ReceivedAt, d.DueAt, d.RescheduledDueAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (dossier is null)
        {
            return null;
        }

        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Public).OrderBy(e => e.Id)
            .Select(e => new { e.Time, e.Action, e.Unit, e.ToStatus }).ToListAsync(cancellationToken);
        var openUnits = await db.UserTasks.AsNoTracking().Where(t => t.BusinessKey == dossier.Code && t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Sequence).Select(t => t.Department).ToListAsync(cancellationToken);
        var units = await UnitNamesAsync(cancellationToken);

        var zone = calendars.Current.TimeZone;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
        string? UnitName(string? unit) => unit is null ? null : units.GetValueOrDefault(unit, unit);

        return new DossierLookup(
            dossier.Code,
            dossier.ProcedureName,
            (int)dossier.Status,
            DossierStatuses.NameOf(dossier.Status, english),
            [.. openUnits.OfType<string>().Distinct(StringComparer.Ordinal).Select(u => UnitName(u)!)],
            Local(dossier.ReceivedAt),
            Local(dossier.RescheduledDueAt ?? dossier.DueAt),
            dossier.Status is DossierStatus.ResultReady or DossierStatus.Returned,
            dossier.Status is DossierStatus.Returned,
            [.. events.Select(e => new LookupStep(
                Local(e.Time),
                e.Action,
                text["Dossiers_Action_" + e.Action.Replace('.', '_')],
                UnitName(e.Unit),
                e.ToStatus is { } to ? (int)to : null,
                e.ToStatus is { } status ? DossierStatuses.NameOf(status, english) : null))]);
    }

    /// <summary>Trimmed and upper-cased (a code typed on a phone keyboard often comes in lower case); null when empty or too long.</summary>
    public static string? Normalize(string? code)
    {
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxCodeLength ? null : trimmed.ToUpperInvariant();
    }

    /// <summary>"Department, Agency" for <c>AGENCY/DEPT</c> and the agency's name for <c>AGENCY</c>.</summary>
    private async Task<Dictionary<string, string>> UnitNamesAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking()
            .Select(d => new { AgencyCode = d.Agency!.Code, AgencyName = d.Agency.Name, d.Code, d.Name }).ToListAsync(cancellationToken);
        var names = agencies.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        foreach (var d in departments)
        {
            names[$"{d.AgencyCode}/{d.Code}"] = $"{d.Name}, {d.AgencyName}";
        }

        return names;
    }

    /// <summary>
    /// Letters, digits, dots and hyphens, as every code shape so far (Circular 01/2018's <c>AGENCY-YYMMDD-NNNN</c> and
    /// the newer <c>H56.14</c> agency codes); loose on purpose, since the generator is replaceable.
    /// </summary>
    [GeneratedRegex(@"^[0-9A-Z][0-9A-Z.\-]{4,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}

/// <summary>What the public look-up shows of a dossier. Times are in the centre's time zone.</summary>
/// <param name="Code">The dossier code.</param>
/// <param name="Procedure">The procedure's name (tên thủ tục).</param>
/// <param name="Status">National status code 1–10.</param>
/// <param name="StatusName">Its national name, in the request's language.</param>
/// <param name="CurrentUnits">The departments and agencies holding an open step ("Department, Agency").</param>
/// <param name="ReceivedAt">When the centre received it.</param>
/// <param name="AppointmentAt">The appointment the citizen holds (an approved apology's new date, else the due date).</param>
/// <param name="ResultReady">True from status 9 on: the result can be collected (or was).</param>
/// <param name="Returned">True at status 10: the result was handed over.</param>
/// <param name="History">The public steps of the history, oldest first.</param>
public sealed record DossierLookup(
    string Code,
    string Procedure,
    int Status,
    string StatusName,
    IReadOnlyList<string> CurrentUnits,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    bool ResultReady,
    bool Returned,
    IReadOnlyList<LookupStep> History);

/// <summary>One public step: when, what (stable name and words), which unit, and the status it led to.</summary>
public sealed record LookupStep(DateTimeOffset Time, string Action, string ActionName, string? Unit, int? Status, string? StatusName);
