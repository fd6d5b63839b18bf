namespace OneStop.Workflows.Calendar;

/// <summary>The default Vietnamese public holidays and the government schedules published so far, as data.</summary>
public static class VietnameseHolidays
{
    /// <summary>Rule code of Tết Dương lịch (1/1).</summary>
    public const string NewYear = "new-year";

    /// <summary>Rule code of Tết Nguyên đán (lunar new year).</summary>
    public const string Tet = "tet";

    /// <summary>Rule code of Giỗ Tổ Hùng Vương (10/3 lunar).</summary>
    public const string HungKings = "hung-kings";

    /// <summary>Rule code of Ngày Chiến thắng (30/4).</summary>
    public const string ReunificationDay = "reunification-day";

    /// <summary>Rule code of Ngày Quốc tế lao động (1/5).</summary>
    public const string LabourDay = "labour-day";

    /// <summary>Rule code of Quốc khánh (2/9 and one adjacent day).</summary>
    public const string NationalDay = "national-day";

    private const string LabourCode = "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112";

    /// <summary>
    /// The holidays of the Labour Code 2019, Art. 112 (in force 1 January 2021): 11 days a year. Tết defaults to the
    /// last day of the lunar year and the first four days of the new one; each year's actual days are set by the
    /// government and belong in <see cref="CalendarDefinition.SpecialDays"/> with <see cref="SpecialDay.Rule"/> = <see cref="Tet"/>.
    /// </summary>
    public static IReadOnlyList<HolidayRule> LabourCode2019 { get; } =
    [
        new() { Code = NewYear, Name = "Tết Dương lịch", Month = 1, Day = 1, Source = LabourCode },
        new()
        {
            Code = Tet, Name = "Tết Nguyên đán", DateSystem = HolidayDateSystem.Lunar, Month = 1, Day = 1,
            DaysBefore = 1, DaysAfter = 3, Source = LabourCode,
        },
        new() { Code = HungKings, Name = "Giỗ Tổ Hùng Vương", DateSystem = HolidayDateSystem.Lunar, Month = 3, Day = 10, Source = LabourCode },
        new() { Code = ReunificationDay, Name = "Ngày Chiến thắng", Month = 4, Day = 30, Source = LabourCode },
        new() { Code = LabourDay, Name = "Ngày Quốc tế lao động", Month = 5, Day = 1, Source = LabourCode },
        new() { Code = NationalDay, Name = "Quốc khánh", Month = 9, Day = 2, PlusAdjacentDay = true, Source = LabourCode },
    ];

    /// <summary>
    /// Days the government has fixed itself. Tết Bính Ngọ 2026: public servants off from Saturday 14/02 to Sunday
    /// 22/02/2026, i.e. the five Tết days from Monday 16/02 (the last day of the year Ất Tỵ) to Friday 20/02, between two weekends.
    /// </summary>
    public static IReadOnlyList<SpecialDay> PublishedSchedules { get; } = Tet2026();

    /// <summary>
    /// The day added to a holiday with <see cref="HolidayRule.PlusAdjacentDay"/> (2/9). The law leaves the choice to the
    /// government, which picks the side that joins the break to a weekend: the day before when the holiday is a Tuesday,
    /// Friday or Saturday (2/9 in 2022, 2023, 2025), otherwise the day after (2021, 2024); when neither side touches a
    /// weekend (a Wednesday) the day after.
    /// </summary>
    public static DateOnly AdjacentDay(DateOnly holiday) =>
        holiday.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday or DayOfWeek.Saturday ? holiday.AddDays(-1) : holiday.AddDays(1);

    private static SpecialDay[] Tet2026()
    {
        const string source = "Thủ tướng Chính phủ: phương án nghỉ Tết Âm lịch Bính Ngọ 2026 cho cán bộ, công chức, viên chức (nghỉ từ 14/02 đến hết 22/02/2026)";
        var days = new SpecialDay[5];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = new SpecialDay(new DateOnly(2026, 2, 16).AddDays(i), SpecialDayKind.Holiday, "Tết Nguyên đán Bính Ngọ", source, Tet);
        }
        return days;
    }
}
