using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Expressions;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Tests.Expressions;

public sealed class ExpressionTests
{
    private readonly ExpressionEvaluator _evaluator = new(new ExpressionLimits { TimeLimit = TimeSpan.FromMilliseconds(500) });

    private static Dictionary<string, JsonNode?> Vars(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    [Theory]
    [InlineData("amount > 100 && kind == \"A\"", true)]
    [InlineData("${amount > 100}", true)]
    [InlineData("= amount < 100", false)]
    [InlineData("{{ applicant.age >= 18 }}", true)]
    [InlineData("missing", false)]
    [InlineData("(tags | array.size) == 1 && (kind | string.downcase) == \"a\"", true)]
    public void Conditions_see_json_variables(string expression, bool expected) =>
        Assert.Equal(expected, _evaluator.EvaluateCondition(expression, Vars("""{"amount":150,"kind":"A","applicant":{"age":30},"tags":["urgent"]}""")));

    // Conditions written for JUEL (Camunda 7, Flowable) and FEEL (Camunda 8) that are simple comparisons.
    [Theory]
    [InlineData("${amount > 100}", true)]
    [InlineData("#{amount > 100}", true)]
    [InlineData("${!approved}", true)]
    [InlineData("${kind == 'A' && amount >= 150}", true)]
    [InlineData("${amount gt 100 and kind eq 'A'}", true)]
    [InlineData("${amount lt 100 or not (kind ne 'A')}", true)]
    [InlineData("${amount le 149}", false)]
    [InlineData("${empty missing}", true)]
    [InlineData("${not empty kind}", true)]
    [InlineData("= amount > 100 and kind = \"A\"", true)]
    [InlineData("= not(amount < 100) or kind = \"B\"", true)]
    [InlineData("${note == 'a and b'}", false)]
    public void Juel_and_feel_comparisons_evaluate(string expression, bool expected)
    {
        Assert.Null(ExpressionEvaluator.SyntaxError(expression));
        Assert.Equal(expected, _evaluator.EvaluateCondition(expression, Vars("""{"amount":150,"kind":"A","approved":false}""")));
    }

    [Fact]
    public void Scripts_return_only_the_variables_they_changed()
    {
        var changes = _evaluator.RunScript("fee = base * 2\nnote = \"ok\"\nbase = base", Vars("""{"base":10,"other":1}"""));
        Assert.Equal(["fee", "note"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("20", changes["fee"]!.ToJsonString());
    }

    [Theory]
    [InlineData("while true; end")]
    [InlineData("func f(x); ret f(x); end; f 1")]
    public void Runaway_scripts_hit_the_sandbox_limits(string script) =>
        Assert.Throws<ExpressionException>(() => _evaluator.RunScript(script, Vars("{}")));

    [Fact]
    public void No_dotnet_members_or_includes_are_reachable()
    {
        Assert.Null(_evaluator.Evaluate("name.Length", Vars("""{"name":"abc"}""")));
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("include \"secret.txt\"", Vars("{}")));
    }

    [Fact]
    public void Syntax_errors_are_reported_without_running()
    {
        Assert.NotNull(ExpressionEvaluator.SyntaxError("amount >"));
        Assert.Null(ExpressionEvaluator.SyntaxError("amount > 1"));
    }

    [Theory]
    [InlineData("P5D", 5 * 24 * 60)]
    [InlineData("PT4H", 4 * 60)]
    [InlineData("P0.5D", 12 * 60)]
    [InlineData("P1W", 7 * 24 * 60)]
    [InlineData("PT1.5M", 1.5)]
    public void Durations_parse_with_fractions(string text, double minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), IsoDuration.Parse(text).FixedPart);

    [Theory]
    [InlineData("5D")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    public void Malformed_durations_are_rejected(string text) => Assert.False(IsoDuration.TryParse(text, out _));

    [Fact]
    public void Timer_cycles_dates_and_durations_parse()
    {
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var cycle = TimerSchedule.TryParse(TimerKind.Cycle, "R3/PT10H")!;
        Assert.Equal((3, start.AddHours(10)), (cycle.Repetitions!.Value, cycle.FirstDue(start, WallClockCalendar.Instance)));
        Assert.Null(TimerSchedule.TryParse(TimerKind.Cycle, "R/P1D")!.Repetitions);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(7)),
            TimerSchedule.TryParse(TimerKind.Date, "2026-02-01T00:00:00+07:00")!.FirstDue(start, WallClockCalendar.Instance));
        Assert.Null(TimerSchedule.TryParse(TimerKind.Date, "tomorrow"));
        Assert.Equal(start.AddMonths(1).AddDays(2), IsoDuration.Parse("P1M2D").AddTo(start));
    }
}
