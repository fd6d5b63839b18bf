using System.Text.Json.Serialization;

namespace OneStop.Workflows.Calendar;

/// <summary>Why a calendar day departs from the weekly pattern.</summary>
public enum SpecialDayKind
{
    /// <summary>A public holiday (ngày lễ, Tết): no work.</summary>
    Holiday,

    /// <summary>A day off given because a holiday fell on a weekly rest day (nghỉ bù): no work.</summary>
    CompensatoryDayOff,

    /// <summary>A working day turned into a day off by a government swap (hoán đổi ngày làm việc): no work.</summary>
    SwappedDayOff,

    /// <summary>A rest day worked to make up for a swapped day off (làm bù): a full working day.</summary>
    MakeUpWorkday,
}

/// <summary>One entry of the calendar table: a date, what it is, and the document that says so.</summary>
/// <param name="Date">The local calendar date (Asia/Ho_Chi_Minh).</param>
/// <param name="Kind">Holiday, compensatory day off, swapped day off or make-up workday.</param>
/// <param name="Name">The occasion, e.g. "Tết Nguyên đán".</param>
/// <param name="Source">The legal or administrative document the entry comes from.</param>
/// <param name="Rule">
/// The <see cref="HolidayRule.Code"/> this entry fixes for its year, when the government sets that holiday's days itself
/// (as it does for Tết): the rule's generated days of that year are then replaced by the entries that name it.
/// </param>
public sealed record SpecialDay(DateOnly Date, SpecialDayKind Kind, string Name, string Source, string? Rule = null)
{
    /// <summary>True for the kinds on which nobody works.</summary>
    [JsonIgnore]
    public bool IsDayOff => Kind != SpecialDayKind.MakeUpWorkday;
}
