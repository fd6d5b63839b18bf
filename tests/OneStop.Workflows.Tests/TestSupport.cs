using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests;

/// <summary>Paths of test files, found relative to the repository.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Miwg => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "bpmn", "miwg"));

    public static string Bpmn(string name) => Path.Combine(AppContext.BaseDirectory, "Bpmn", name);
}

/// <summary>An engine over an in-memory store with a fake clock, and journal helpers.</summary>
internal sealed class TestEngine
{
    public static readonly DateTimeOffset Origin = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    public TestEngine(Action<ServiceHandlerRegistry>? handlers = null)
    {
        var registry = ServiceHandlerRegistry.CreateDefault();
        handlers?.Invoke(registry);
        Engine = new WorkflowEngine(Store, new WorkflowEngineOptions { TimeProvider = Clock, Handlers = registry });
    }

    public FakeTimeProvider Clock { get; } = new(Origin);

    public InMemoryWorkflowStore Store { get; } = new();

    public WorkflowEngine Engine { get; }

    public async Task DeployAsync(params string[] files)
    {
        foreach (var file in files)
        {
            var result = await Engine.DeployAsync(await File.ReadAllTextAsync(TestPaths.Bpmn(file)), new DeployOptions { Publish = true });
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
    }

    public async Task<InstanceState> StartAsync(string file, string key = "p", Dictionary<string, JsonNode?>? variables = null)
    {
        await DeployAsync(file);
        return await Engine.StartAsync(new StartInstanceRequest { Key = key, Variables = variables, BusinessKey = "HS-001" });
    }

    public async Task<InstanceState> State(string id) => (await Engine.GetInstanceAsync(id))!;

    /// <summary>The journal as "event elementId" lines, without the variable and scheduling noise unless asked.</summary>
    public async Task<string[]> Journal(string instanceId, bool all = false)
    {
        var entries = await Engine.GetJournalAsync(instanceId);
        return entries
            .Where(e => all || e.Event is not (JournalEvents.VariablesChanged or JournalEvents.TimerScheduled))
            .Select(e => $"{e.Event} {e.ElementId}")
            .ToArray();
    }

    public async Task CompleteTaskAsync(string elementId, string? outcome = null, Dictionary<string, JsonNode?>? variables = null)
    {
        var task = (await Engine.ListUserTasksAsync()).First(t => t.ElementId == elementId);
        await Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = outcome, Variables = variables, User = "tester" });
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Engine.FireDueTimersAsync();
    }
}

/// <summary>Assertions with array-typed expectations (collection expressions with spreads cannot cross an await as spans).</summary>
internal static class Expect
{
    public static void Sequence(string[] expected, string[] actual) => Assert.Equal(expected, actual);
}
