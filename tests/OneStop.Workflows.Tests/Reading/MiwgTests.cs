using OneStop.Workflows.Execution;
using OneStop.Workflows.Reading;
using OneStop.Workflows.Validation;
using Xunit.Abstractions;

namespace OneStop.Workflows.Tests.Reading;

/// <summary>The BPMN MIWG reference models and their bpmn.io exports: each reads without exception into a runnable model or problems.</summary>
public sealed class MiwgTests(ITestOutputHelper output)
{
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(TestPaths.Miwg, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static (bool Runnable, IReadOnlyList<ValidationProblem> Problems) Check(string file)
    {
        var read = BpmnReader.ReadFile(file);
        var problems = new List<ValidationProblem>(read.Problems);
        if (read.Model is not null)
        {
            problems.AddRange(BpmnValidator.Validate(read.Model, ServiceHandlerRegistry.CreateDefault().Contains));
        }
        return (read.Model is not null && !problems.Exists(p => p.Severity == ProblemSeverity.Error), problems);
    }

    [Fact]
    public void Every_reference_model_reads_into_a_model_or_problems_without_exception()
    {
        var files = Files().ToList();
        Assert.True(files.Count >= 21 + 42, $"expected the 21 reference models and the bpmn.io exports, found {files.Count}");
        var runnable = new List<string>();
        var withProblems = new List<string>();
        foreach (var file in files)
        {
            var (ok, problems) = Check(file);
            var name = Path.GetRelativePath(TestPaths.Miwg, file);
            (ok ? runnable : withProblems).Add(name);
            output.WriteLine($"{(ok ? "RUNNABLE" : "PROBLEMS")} {name}: " + string.Join("; ",
                problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Code} {p.ElementId}").Distinct().Take(6)));
        }
        Assert.Equal(ExpectedRunnable, runnable);
        Assert.Equal(files.Count, runnable.Count + withProblems.Count);
    }

    [Fact]
    public async Task Every_runnable_reference_model_runs_in_the_headless_runner_to_an_end_or_a_wait()
    {
        foreach (var name in ExpectedRunnable)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await Workflows.Runner.HeadlessRunner.RunAsync([Path.Combine(TestPaths.Miwg, name), "--start", "2026-01-05T08:00:00+07:00"], stdout, stderr);
            var last = stdout.ToString().TrimEnd().Split('\n')[^1];
            output.WriteLine($"{name}: exit {code} {last[..Math.Min(last.Length, 60)]}");
            Assert.True(code is 0 or 2, $"{name} exited {code}: {last}");
        }
    }

    // Models with no error problem. The others use signal/conditional/compensation events, FEEL conditions,
    // message catch events with neither messageRef nor name, timers without values or multi-instance without input: each is a listed problem.
    private static readonly string[] ExpectedRunnable =
    [
        "A.1.0.bpmn",
        "A.2.0.bpmn",
        "A.2.1.bpmn",
        "A.3.0.bpmn",
        "A.4.0.bpmn",
        "A.4.1.bpmn",
        "C.2.0.bpmn",
        "C.3.0.bpmn",
        "C.9.1.bpmn",
        "bpmn-io-18.6.1/A.1.0-export.bpmn",
        "bpmn-io-18.6.1/A.1.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/A.2.0-export.bpmn",
        "bpmn-io-18.6.1/A.2.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/A.2.0-rountrip.bpmn",
        "bpmn-io-18.6.1/A.2.1-export.bpmn",
        "bpmn-io-18.6.1/A.2.1-roundtrip.bpmn",
        "bpmn-io-18.6.1/A.3.0-export.bpmn",
        "bpmn-io-18.6.1/A.3.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/A.4.0-export.bpmn",
        "bpmn-io-18.6.1/A.4.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/A.4.1-export.bpmn",
        "bpmn-io-18.6.1/A.4.1-roundtrip.bpmn",
        "bpmn-io-18.6.1/C.1.1-export.bpmn",
        "bpmn-io-18.6.1/C.2.0-export.bpmn",
        "bpmn-io-18.6.1/C.2.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/C.3.0-roundtrip.bpmn",
        "bpmn-io-18.6.1/C.8.0-export.bpmn",
        "bpmn-io-18.6.1/C.8.1-export.bpmn",
        "bpmn-io-18.6.1/C.9.1-roundtrip.bpmn",
    ];
}
