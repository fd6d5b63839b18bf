using System.Text.Json;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Cli;

/// <summary>The headless runner as the outside conformance suite calls it: the Host's own command line.</summary>
public sealed class BpmnRunCommandTests : IDisposable
{
    private const string Flow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:test">
          <bpmn:process id="receive" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <bpmn:userTask id="review" name="Thẩm định hồ sơ"/>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("onestop-bpmn-").FullName;

    [Fact]
    public async Task Completed_flow_prints_its_journal_as_json_lines_and_exits_0()
    {
        var result = await RunAsync(Flow, "--start", "2026-11-26T08:00:00+07:00");

        Assert.Equal(0, result.ExitCode);
        var lines = JsonLines(result.Output);
        Assert.Equal("instance.completed", lines[^1].GetProperty("event").GetString());
        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "task.completed" && l.GetProperty("elementId").GetString() == "review");
        Assert.StartsWith("2026-11-26T08:00:00", lines[0].GetProperty("time").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_left_waiting_on_a_user_task_exits_2()
    {
        var result = await RunAsync(Flow, "--no-auto-complete");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("instance.waiting", JsonLines(result.Output)[^1].GetProperty("event").GetString());
    }

    [Fact]
    public async Task Invalid_model_prints_its_problems_and_exits_4()
    {
        var result = await RunAsync(Flow.Replace("targetRef=\"end\"", "targetRef=\"nowhere\"", StringComparison.Ordinal));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("f2", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<HostProcess.Result> RunAsync(string bpmn, params string[] options)
    {
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.bpmn");
        await File.WriteAllTextAsync(file, bpmn);
        return await HostProcess.RunAsync(new Dictionary<string, string>(), ["bpmn", "run", file, .. options]);
    }

    private static List<JsonElement> JsonLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}
