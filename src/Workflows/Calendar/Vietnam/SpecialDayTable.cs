using System.Collections.Concurrent;
using System.Globalization;

namespace OneStop.Workflows.Calendar;

/// <summary>
/// The effective special days of a definition, year by year: holidays generated from the rules, compensatory days for
/// those that fall on a weekly rest day, and the dated entries, which win over anything generated for their date.
/// </summary>
internal sealed class SpecialDayTable
{
    // A compensatory day is looked for this far after its holiday; beyond that the data is unusable anyway.
    private const int CompensationSearchDays = 60;

    private readonly CalendarDefinition definition;
    private readonly Func<DateOnly, WorkSchedule> scheduleOn;
    private readonly Dictionary<DateOnly, SpecialDay> entries = [];
    private readonly HashSet<(string Rule, int Year)> ruleYearsSetByEntries = [];
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, SpecialDay>> years = new();

    public SpecialDayTable(CalendarDefinition definition, Func<DateOnly, WorkSchedule> scheduleOn)
    {
        this.definition = definition;
        this.scheduleOn = scheduleOn;
        foreach (var entry in definition.SpecialDays)
        {
            if (!entries.TryAdd(entry.Date, entry))
            {
                throw new ArgumentException($"The calendar lists {entry.Date:yyyy-MM-dd} twice ('{entries[entry.Date].Name}' and '{entry.Name}').", nameof(definition));
            }
            if (entry.Rule is not null)
            {
                ruleYearsSetByEntries.Add((entry.Rule, entry.Date.Year));
            }
        }
    }

    /// <summary>The special day on a date, or null for an ordinary day of the weekly pattern.</summary>
    public SpecialDay? On(DateOnly date) => Year(date.Year).GetValueOrDefault(date);

    /// <summary>All special days of a year, generated and listed.</summary>
    public IReadOnlyDictionary<DateOnly, SpecialDay> Year(int year) => years.GetOrAdd(year, Build);

    private Dictionary<DateOnly, SpecialDay> Build(int year)
    {
        // The previous year is generated too, so that a holiday late in December can push its compensation into January.
        var generated = new SortedDictionary<DateOnly, SpecialDay>();
        foreach (var rule in definition.HolidayRules)
        {
            AddHolidays(rule, year - 1, generated);
            AddHolidays(rule, year, generated);
        }
        var compensations = new Dictionary<DateOnly, SpecialDay>();
        foreach (var holiday in generated.Values)
        {
            if (!entries.ContainsKey(holiday.Date) && IsWeeklyRestDay(holiday.Date))
            {
                AddCompensation(holiday, generated, compensations);
            }
        }

        var result = new Dictionary<DateOnly, SpecialDay>();
        foreach (var day in generated.Values.Concat(compensations.Values).Where(d => d.Date.Year == year))
        {
            result[day.Date] = day;
        }
        foreach (var entry in entries.Values.Where(e => e.Date.Year == year))
        {
            result[entry.Date] = entry;
        }
        return result;
    }

    private void AddHolidays(HolidayRule rule, int year, SortedDictionary<DateOnly, SpecialDay> into)
    {
        if (!TryAnchor(rule, year, out var anchor) || !rule.AppliesTo(anchor) || ruleYearsSetByEntries.Contains((rule.Code, anchor.Year)))
        {
            return;
        }
        for (var offset = -rule.DaysBefore; offset <= rule.DaysAfter; offset++)
        {
            Add(anchor.AddDays(offset));
        }
        if (rule.PlusAdjacentDay)
        {
            Add(VietnameseHolidays.AdjacentDay(anchor));
        }

        void Add(DateOnly date) =>
            into.TryAdd(date, new SpecialDay(date, SpecialDayKind.Holiday, rule.Name, rule.Source, rule.Code));
    }

    private static bool TryAnchor(HolidayRule rule, int year, out DateOnly anchor)
    {
        anchor = default;
        if (rule.DateSystem == HolidayDateSystem.Lunar)
        {
            return LunarCalendar.TryToGregorian(new LunarDate(year, rule.Month, rule.Day), out anchor);
        }
        if (rule.Month is < 1 or > 12 || rule.Day < 1 || rule.Day > DateTime.DaysInMonth(year, rule.Month))
        {
            return false;
        }
        anchor = new DateOnly(year, rule.Month, rule.Day);
        return true;
    }

    // Labour Code 2019, Art. 112(3): a holiday on a weekly rest day is taken on the next working day.
    private void AddCompensation(SpecialDay holiday, SortedDictionary<DateOnly, SpecialDay> holidays, Dictionary<DateOnly, SpecialDay> compensations)
    {
        for (var date = holiday.Date.AddDays(1); date <= holiday.Date.AddDays(CompensationSearchDays); date = date.AddDays(1))
        {
            if (!IsWeeklyRestDay(date) && !entries.ContainsKey(date) && !holidays.ContainsKey(date) && !compensations.ContainsKey(date))
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Nghỉ bù {holiday.Name} ({holiday.Date:dd'/'MM'/'yyyy})");
                compensations[date] = new SpecialDay(date, SpecialDayKind.CompensatoryDayOff, name, holiday.Source, holiday.Rule);
                return;
            }
        }
    }

    private bool IsWeeklyRestDay(DateOnly date) => scheduleOn(date).WindowsOn(date.DayOfWeek).Count == 0;
}
