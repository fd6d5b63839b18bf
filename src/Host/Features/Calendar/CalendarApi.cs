using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Calendar;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Features.Calendar;

public static class CalendarApi
{
    private const int MaxRangeDays = 400;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/days", Days).RequireAuthorization(Policies.ApiCaller)
            .WithName("CalendarDays").WithSummary("Each day between two dates: working or not, office hours, and the special day that decides it");
        calendar.MapGet("/special-days", SpecialDaysAsync).RequireAuthorization(Policies.ApiCaller)
            .WithName("ListSpecialDays").WithSummary("The holiday, compensatory, swapped and make-up days entered for a year");
        calendar.MapPost("/special-days", AddSpecialDayAsync).RequireAuthorization(Policies.Admin)
            .WithName("AddSpecialDay").WithSummary("Enters a special day (e.g. a swapped day set by the government), with its source document");
        calendar.MapDelete("/special-days/{id:guid}", DeleteSpecialDayAsync).RequireAuthorization(Policies.Admin)
            .WithName("DeleteSpecialDay").WithSummary("Removes a special day");
        calendar.MapPost("/deadline", Deadline).RequireAuthorization(Policies.ApiCaller)
            .WithName("ComputeDeadline").WithSummary("The due instant of a duration from a start, in working time or wall-clock time");
        return api;
    }

    public sealed record DayDto(DateOnly Date, bool Working, IReadOnlyList<string> OfficeHours, SpecialDayKind? Kind, string? Name, string? Source);

    public sealed record SpecialDayDto(Guid Id, DateOnly Date, SpecialDayKind Kind, string Name, string Source, string? Rule, DateTimeOffset UpdatedAt, string? UpdatedBy);

    public sealed record SpecialDayRequest(
        DateOnly Date,
        SpecialDayKind Kind,
        [property: Required, StringLength(200)] string Name,
        [property: Required, StringLength(300)] string Source,
        [property: StringLength(50)] string? Rule);

    public sealed record DeadlineRequest(DateTimeOffset Start, string Duration, string? Calendar);

    public sealed record DeadlineDto(DateTimeOffset Start, DateTimeOffset Due, string Calendar);

    private static Results<Ok<List<DayDto>>, ValidationProblem> Days(DateOnly from, DateOnly to, CalendarService calendars)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxRangeDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["to"] = [$"'to' must be on or after 'from' and at most {MaxRangeDays} days later."],
            });
        }

        var calendar = calendars.Current;
        var days = new List<DayDto>(to.DayNumber - from.DayNumber + 1);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var day = calendar.DayOf(date);
            days.Add(new DayDto(date, day.IsWorkingDay, [.. day.Windows.Select(w => $"{w.Start:HH\\:mm}-{w.End:HH\\:mm}")],
                day.Special?.Kind, day.Special?.Name, day.Special?.Source));
        }

        return TypedResults.Ok(days);
    }

    private static async Task<Ok<List<SpecialDayDto>>> SpecialDaysAsync(int year, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = await db.CalendarSpecialDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<SpecialDayDto>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> AddSpecialDayAsync(
        SpecialDayRequest request, HttpContext http, OneStopDbContext db, CalendarService calendars, WorkflowEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), errors, validateAllProperties: true) || !Enum.IsDefined(request.Kind))
        {
            var fields = errors.SelectMany(e => e.MemberNames.Select(m => (Member: m, e.ErrorMessage)))
                .GroupBy(e => char.ToLowerInvariant(e.Member[0]) + e.Member[1..])
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray());
            if (!Enum.IsDefined(request.Kind))
            {
                fields["kind"] = ["Kind must be Holiday, CompensatoryDayOff, SwappedDayOff or MakeUpWorkday."];
            }

            return TypedResults.ValidationProblem(fields);
        }

        if (await db.CalendarSpecialDays.AnyAsync(d => d.Date == request.Date, cancellationToken))
        {
            return TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Title = "Day already entered",
                Detail = $"{request.Date:yyyy-MM-dd} already has a special-day entry; remove it first.",
                Status = StatusCodes.Status409Conflict,
            });
        }

        var row = new CalendarSpecialDayRow
        {
            Date = request.Date,
            Kind = request.Kind,
            Name = request.Name.Trim(),
            Source = request.Source.Trim(),
            Rule = string.IsNullOrWhiteSpace(request.Rule) ? null : request.Rule.Trim(),
            UpdatedAt = time.GetUtcNow(),
            UpdatedBy = http.User.FindFirst(Claims.PreferredUsername)?.Value ?? http.User.FindFirst(Claims.Subject)?.Value,
        };
        db.CalendarSpecialDays.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await calendars.ApplyChangeAsync(engine, cancellationToken);
        return TypedResults.Created($"/api/calendar/special-days/{row.Id}", ToDto(row));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteSpecialDayAsync(Guid id, OneStopDbContext db, CalendarService calendars, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var deleted = await db.CalendarSpecialDays.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        await calendars.ApplyChangeAsync(engine, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Results<Ok<DeadlineDto>, ValidationProblem> Deadline(DeadlineRequest request, CalendarService calendars)
    {
        var name = request.Calendar ?? CalendarNames.Working;
        if (!IsoDuration.TryParse(request.Duration, out var duration))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["duration"] = [$"'{request.Duration}' is not an ISO 8601 duration such as P5D, P0.5D or PT4H."],
            });
        }

        if (name is not (CalendarNames.Working or CalendarNames.Wall))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["calendar"] = ["Calendar must be 'working' or 'wall'."] });
        }

        var due = calendars.ForName(name).AddWorkingTime(request.Start, duration);
        return TypedResults.Ok(new DeadlineDto(request.Start, due, name));
    }

    private static SpecialDayDto ToDto(CalendarSpecialDayRow d) => new(d.Id, d.Date, d.Kind, d.Name, d.Source, d.Rule, d.UpdatedAt, d.UpdatedBy);
}
