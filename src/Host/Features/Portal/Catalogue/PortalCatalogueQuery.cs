using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Catalogue;

/// <summary>The public catalogue: only procedures in force today (province time), with what a citizen needs to read.</summary>
public static class PortalCatalogueQuery
{
    /// <summary>Vietnam has no daylight saving time: the province's date is UTC+7.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
    }

    public static IQueryable<Procedure> InForce(OneStopDbContext db, TimeProvider time, string? q = null, string? field = null, string? agency = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CatalogueProcedures.AsNoTracking()
            .Include(p => p.Field).Include(p => p.LeadAgency).Include(p => p.Fees)
            .Matching(q, field, agency, Today(time));
    }
}

/// <summary>Duration and online level in the catalogue's words (the admin pages' resource keys).</summary>
public static class ProcedureWords
{
    public static string Duration(ProcedureDuration duration, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentNullException.ThrowIfNull(text);
        return duration.Unit == DurationUnit.SameDay
            ? text["Cat_Duration_SameDay"]
            : text[$"Cat_Duration_{duration.Unit}", duration.Value.ToString("0.##", CultureInfo.CurrentCulture)];
    }

    /// <summary>"Một phần", "Toàn trình", or that the procedure is not offered online.</summary>
    public static string Online(OnlineLevel level, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"Cat_OnlineLevel_{level}"];
    }
}
