namespace OneStop.Host.Features.Catalogue;

/// <summary>The catalogue's search filter, one query for the REST API and the admin pages.</summary>
internal static class CatalogueSearch
{
    /// <summary>
    /// Procedures whose name or codes contain <paramref name="q"/> (case and Vietnamese diacritics ignored), of the field
    /// coded <paramref name="field"/>, with the agency coded <paramref name="agency"/> as lead or — unless
    /// <paramref name="leadOnly"/> — cooperating agency, and in force on <paramref name="effectiveOn"/>. Blank means any.
    /// </summary>
    public static IQueryable<Procedure> Matching(
        this IQueryable<Procedure> query, string? q, string? field, string? agency, DateOnly? effectiveOn = null, bool leadOnly = false)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = Procedure.Fold(q.Trim());
            query = query.Where(p => p.SearchText.Contains(folded));
        }

        if (!string.IsNullOrWhiteSpace(field))
        {
            query = query.Where(p => p.Field!.Code == field);
        }

        if (!string.IsNullOrWhiteSpace(agency))
        {
            query = leadOnly
                ? query.Where(p => p.LeadAgency!.Code == agency)
                : query.Where(p => p.LeadAgency!.Code == agency || p.CooperatingAgencies.Any(a => a.Code == agency));
        }

        if (effectiveOn is { } day)
        {
            query = query.Where(p => p.EffectiveFrom <= day && (p.EffectiveTo == null || p.EffectiveTo >= day));
        }

        return query;
    }

    /// <summary>A catalogue list's query string with the page number <paramref name="page"/> and the filters that are set.</summary>
    public static Dictionary<string, string> PageRoute(int page, string? q, string? field, string? agency)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in new[] { ("q", q), ("field", field), ("agency", agency) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                route[key] = value;
            }
        }

        return route;
    }
}
