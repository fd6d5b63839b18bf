using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Runner;

/// <summary>A message the runner delivers: name, optional correlation key, and delay after the start.</summary>
internal sealed record ScheduledMessage(string Name, string? CorrelationKey, IsoDuration Delay, int Order);

/// <summary>The parsed command line of <c>bpmn run</c>.</summary>
internal sealed record RunnerOptions
{
    public required string File { get; init; }
    public string? ProcessId { get; init; }
    public Dictionary<string, JsonNode?> Variables { get; } = new(StringComparer.Ordinal);
    public List<ScheduledMessage> Messages { get; } = [];
    public bool AutoComplete { get; init; } = true;
    public DateTimeOffset? Start { get; init; }
    public IsoDuration MaxTime { get; init; } = new(0, 0, 30, 0, 0, 0);

    public const string Usage =
        "usage: bpmn run FILE.bpmn [--process ID] [--var name=json]... [--message NAME[:KEY][@DURATION]]... " +
        "[--no-auto-complete] [--start INSTANT] [--max-time DURATION]";

    /// <summary>Parses the arguments after <c>bpmn run</c>; returns an error message instead when they are wrong.</summary>
    public static (RunnerOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? file = null, processId = null;
        bool autoComplete = true;
        DateTimeOffset? start = null;
        var maxTime = new IsoDuration(0, 0, 30, 0, 0, 0);
        var variables = new List<(string, JsonNode?)>();
        var messages = new List<ScheduledMessage>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2 && arg[..eq] != "--var")
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string? Value()
            {
                if (inlineValue is not null) return inlineValue;
                return i + 1 < args.Count ? args[++i] : null;
            }
            switch (arg)
            {
                case "--process":
                    processId = Value();
                    if (string.IsNullOrEmpty(processId)) return (null, "--process needs a process id.");
                    break;
                case "--var":
                    var assignment = Value();
                    var split = assignment?.IndexOf('=', StringComparison.Ordinal) ?? -1;
                    if (assignment is null || split <= 0) return (null, "--var needs name=json, e.g. --var amount=120 or --var name='\"An\"'.");
                    variables.Add((assignment[..split], ParseJson(assignment[(split + 1)..])));
                    break;
                case "--message":
                    var spec = Value();
                    if (string.IsNullOrEmpty(spec)) return (null, "--message needs NAME[:KEY][@DURATION].");
                    var delay = default(IsoDuration);
                    var at = spec.LastIndexOf('@');
                    if (at >= 0)
                    {
                        if (!IsoDuration.TryParse(spec[(at + 1)..], out delay)) return (null, $"--message {spec}: '{spec[(at + 1)..]}' is not an ISO 8601 duration.");
                        spec = spec[..at];
                    }
                    var colon = spec.IndexOf(':', StringComparison.Ordinal);
                    var name = colon >= 0 ? spec[..colon] : spec;
                    if (name.Length == 0) return (null, "--message needs a message name.");
                    messages.Add(new ScheduledMessage(name, colon >= 0 ? spec[(colon + 1)..] : null, delay, messages.Count));
                    break;
                case "--no-auto-complete":
                    autoComplete = false;
                    break;
                case "--start":
                    var instant = Value();
                    if (instant is null || !DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                        return (null, $"--start needs an ISO 8601 instant with offset, e.g. 2026-01-05T08:00:00+07:00, not '{instant}'.");
                    start = parsed;
                    break;
                case "--max-time":
                    var max = Value();
                    if (!IsoDuration.TryParse(max, out maxTime)) return (null, $"--max-time needs an ISO 8601 duration such as P30D, not '{max}'.");
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return (null, $"Unknown option '{arg}'.");
                    if (file is not null) return (null, $"Only one FILE may be given ('{file}' and '{arg}').");
                    file = arg;
                    break;
            }
        }
        if (file is null)
        {
            return (null, "Missing FILE.");
        }
        var options = new RunnerOptions { File = file, ProcessId = processId, AutoComplete = autoComplete, Start = start, MaxTime = maxTime };
        foreach (var (name, value) in variables)
        {
            options.Variables[name] = value;
        }
        options.Messages.AddRange(messages);
        return (options, null);
    }

    // A value that is not JSON is taken as a string, so --var name=An works without shell quoting.
    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

/// <summary>A clock the runner moves forward by hand.</summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
