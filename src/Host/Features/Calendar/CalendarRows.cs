using OneStop.Workflows.Calendar;

namespace OneStop.Host.Features.Calendar;

/// <summary>
/// A dated entry of the working calendar: a holiday, a compensatory or swapped day off, or a make-up working day,
/// with the document that set it (e.g. the Prime Minister's notice on the Tết schedule).
/// </summary>
public sealed class CalendarSpecialDayRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateOnly Date { get; set; }

    public SpecialDayKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>The legal source, e.g. "Thông báo 6150/TB-VPCP".</summary>
    public required string Source { get; set; }

    /// <summary>The holiday rule whose generated days this entry replaces for its year (e.g. <c>tet</c>), if any.</summary>
    public string? Rule { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>A recurring public holiday (Labour Code Art. 112 and later changes) with the dates it applies between.</summary>
public sealed class CalendarHolidayRuleRow
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public HolidayDateSystem DateSystem { get; set; }

    public int Month { get; set; }

    public int Day { get; set; }

    public int DaysBefore { get; set; }

    public int DaysAfter { get; set; }

    public bool PlusAdjacentDay { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public required string Source { get; set; }
}
