using System.Globalization;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Catalogue;

namespace OneStop.Host.Features.Portal.Catalogue;

/// <summary>
/// A fee line as a citizen reads it: "2.000 đ/trang cho 2 trang đầu, 1.000 đ/trang từ trang thứ 3, tối đa 200.000 đ".
/// Amounts in the current culture's grouping (vi-VN: dots).
/// </summary>
public static class FeeWords
{
    public static string Describe(FeeLine fee, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentNullException.ThrowIfNull(text);
        if (fee.Basis == FeeBasis.PerDossier)
        {
            return fee.Amount == 0 ? text["Ptl_Fee_Free"] : text["Ptl_Fee_PerDossier", Money(fee.Amount)];
        }

        var unit = text[$"Ptl_Unit_{fee.Basis}"].Value;
        var parts = new List<string>();
        if (fee is { FirstUnits: { } first, NextAmount: { } next } && next != fee.Amount)
        {
            parts.Add(fee.Amount == 0
                ? text["Ptl_Fee_FirstFree", first, unit]
                : text["Ptl_Fee_First", Money(fee.Amount), first, unit]);
            parts.Add(text["Ptl_Fee_Next", Money(next), unit, first + 1]);
        }
        else
        {
            parts.Add(text["Ptl_Fee_PerUnit", Money(fee.Amount), unit]);
        }

        if (fee.MaxAmount is { } max)
        {
            parts.Add(text["Ptl_Fee_Cap", Money(max)]);
        }

        return string.Join(", ", parts);
    }

    /// <summary>One line for the search results: every fee line's words, or "no fee".</summary>
    public static string Summary(FeeMode mode, IEnumerable<FeeLine> fees, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = fees.OrderBy(f => f.Position).ToList();
        return mode == FeeMode.Exempt || lines.Count == 0 || lines.All(f => f.Amount == 0 && (f.NextAmount ?? 0) == 0)
            ? text["Ptl_Fee_None"]
            : string.Join("; ", lines.Select(f => Describe(f, text)));
    }

    public static string Money(decimal amount) => amount.ToString("#,0", CultureInfo.CurrentCulture);
}
