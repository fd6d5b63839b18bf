using OneStop.Workflows.Execution;
using OneStop.Workflows.Reading;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Validation;

public sealed class ValidationTests
{
    private static List<ValidationProblem> Problems(string file, Func<string, bool>? knownHandler = null)
    {
        var read = BpmnReader.ReadFile(TestPaths.Bpmn(file));
        var problems = new List<ValidationProblem>(read.Problems);
        problems.AddRange(BpmnValidator.Validate(read.Model!, knownHandler ?? ServiceHandlerRegistry.CreateDefault().Contains));
        return problems;
    }

    [Fact]
    public void Every_defect_has_a_stable_code_severity_element_position_and_both_languages()
    {
        var problems = Problems("invalid.bpmn");
        var found = problems.Select(p => $"{p.Code} {p.Severity} {p.ElementId}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "OS2001 Error complex",       // unsupported element
            "OS2001 Error signal",        // unsupported event definition
            "OS2002 Error fGone",         // flow without target
            "OS2003 Error deadEnd",       // gateway without outgoing flow
            "OS2004 Warning xor",         // no default, conditions may all be false
            "OS2005 Error fA",            // expression that does not parse
            "OS2006 Error svc",           // unknown handler
            "OS2007 Error svc",           // deadline that does not parse
            "OS2007 Error wait",          // timer that does not parse
            "OS2008 Warning complex",     // unreachable
            "OS2008 Warning deadEnd",
            "OS2008 Warning inner",
            "OS2008 Warning signal",
            "OS2008 Warning wait",
            "OS2008 Warning emptySub",
            "OS2009 Error emptySub",      // no start event
            "OS2011 Error js",            // script format
            "OS2019 Error svc",           // calendar
        }.Order(StringComparer.Ordinal).ToArray(), found);
        Assert.All(problems, p =>
        {
            Assert.True(p.Line > 0 && p.Column > 0, p.ToString());
            Assert.False(string.IsNullOrWhiteSpace(p.MessageVi));
            Assert.False(string.IsNullOrWhiteSpace(p.MessageEn));
        });
        var script = problems.Single(p => p.Code == ProblemCodes.UnsupportedScriptFormat);
        Assert.Equal(9, script.Line);
    }

    [Fact]
    public void Valid_models_have_no_errors()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Bpmn"), "*.bpmn").Where(f => !f.EndsWith("invalid.bpmn", StringComparison.Ordinal)))
        {
            var errors = Problems(Path.GetFileName(file), key => key is "fee" or "check" or "log" or "stamp").Where(p => p.Severity == ProblemSeverity.Error);
            Assert.True(!errors.Any(), file + ": " + string.Join("; ", errors));
        }
    }

    [Fact]
    public void Missing_start_event_in_a_process_is_reported()
    {
        var read = BpmnReader.Read("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" isExecutable="true"><task id="t"/></process></definitions>
            """);
        var problems = BpmnValidator.Validate(read.Model!, _ => true);
        Assert.Contains(problems, p => p.Code == ProblemCodes.NoStartEvent && p.ElementId == "p");
    }

    [Fact]
    public void Service_task_without_handler_is_a_warning_and_passes_through()
    {
        var read = BpmnReader.Read("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><serviceTask id="t"/></process></definitions>
            """);
        var problem = Assert.Single(BpmnValidator.Validate(read.Model!, _ => true));
        Assert.Equal((ProblemCodes.MissingHandler, ProblemSeverity.Warning), (problem.Code, problem.Severity));
    }

    private static List<ValidationProblem> ProblemsOf(string processBody)
    {
        var read = BpmnReader.Read($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d">
            <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="gw"/>
            <exclusiveGateway id="gw" default="fDefault"/><sequenceFlow id="fDefault" sourceRef="gw" targetRef="e"/>
            {processBody}<endEvent id="e"/></process></definitions>
            """);
        var problems = new List<ValidationProblem>(read.Problems);
        problems.AddRange(BpmnValidator.Validate(read.Model!, _ => true));
        return problems;
    }

    [Theory]
    [InlineData("000.00.03.H56/HCTP", null)]
    [InlineData("${processingUnit ?? '000.00.03.H56/HCTP'}", null)]
    [InlineData("${processingUnit ??? }", ProblemCodes.ExpressionSyntax)]
    public void A_department_expression_must_parse(string department, string? code)
    {
        var read = BpmnReader.Read($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="d">
            <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="t"/>
            <userTask id="t" os:department="{department}"/><sequenceFlow id="f1" sourceRef="t" targetRef="e"/><endEvent id="e"/></process></definitions>
            """);
        var problems = BpmnValidator.Validate(read.Model!, _ => true);
        Assert.Equal(code is null ? [] : [$"{code} t"], problems.Select(p => $"{p.Code} {p.ElementId}").ToArray());
    }

    [Theory]
    [InlineData("<conditionExpression language=\"juel\">${amount gt 5 and not empty kind}</conditionExpression>", null)]
    [InlineData("<conditionExpression>#{approved == true}</conditionExpression>", null)]
    [InlineData("<conditionExpression language=\"http://www.omg.org/spec/FEEL/20140401\">x = 5 or not(y)</conditionExpression>", null)]
    [InlineData("<conditionExpression xsi:type=\"tFormalExpression\" language=\"http://www.w3.org/1999/XPath\">true</conditionExpression>", null)]
    [InlineData("<conditionExpression language=\"javascript\">x &gt; 5</conditionExpression>", ProblemCodes.UnsupportedExpressionLanguage)]
    [InlineData("<conditionExpression language=\"groovy\">x &gt; 5</conditionExpression>", ProblemCodes.UnsupportedExpressionLanguage)]
    [InlineData("<conditionExpression>= some r in risks satisfies r = \"red\"</conditionExpression>", ProblemCodes.ExpressionSyntax)]
    [InlineData("<conditionExpression language=\"FEEL\">Vacation Approval = \"Approved\"</conditionExpression>", ProblemCodes.ExpressionSyntax)]
    public void Juel_feel_and_xpath_conditions_are_read_and_script_languages_are_refused(string condition, string? code)
    {
        var problems = ProblemsOf($"""<sequenceFlow id="fc" sourceRef="gw" targetRef="e">{condition}</sequenceFlow>""");
        Assert.Equal(code is null ? [] : [$"{code} Error fc"],
            problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Code} {p.Severity} {p.ElementId}").ToArray());
    }

    [Theory]
    [InlineData("R3/2026-01-01T00:00:00Z/PT1H", null)]
    [InlineData("R/2026-01-01T08:00:00+07:00/P1D", null)]
    [InlineData("R3/PT1H/2026-01-01T00:00:00Z", ProblemCodes.InvalidDuration)] // period then end: refused
    [InlineData("0 0 9 * * ?", ProblemCodes.InvalidDuration)]                 // cron: refused
    public void Time_cycles_with_a_start_instant_are_accepted(string cycle, string? code)
    {
        var problems = ProblemsOf($"""
            <sequenceFlow id="fc" sourceRef="gw" targetRef="work"><conditionExpression>false</conditionExpression></sequenceFlow>
            <userTask id="work"/><boundaryEvent id="tick" attachedToRef="work" cancelActivity="false">
            <timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="fw" sourceRef="work" targetRef="e"/><sequenceFlow id="ft" sourceRef="tick" targetRef="e"/>
            """);
        Assert.Equal(code is null ? [] : [$"{code} Error tick"],
            problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Code} {p.Severity} {p.ElementId}").ToArray());
    }
}
