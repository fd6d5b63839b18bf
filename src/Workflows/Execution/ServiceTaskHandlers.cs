using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OneStop.Workflows.Execution;

/// <summary>What a service or send task handler sees.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="BusinessKey">Its business key.</param>
/// <param name="ElementId">The task element.</param>
/// <param name="ElementName">The task name.</param>
/// <param name="ElementType">The BPMN type (<c>serviceTask</c>, <c>sendTask</c>, <c>businessRuleTask</c>, <c>endEvent</c>…).</param>
/// <param name="Variables">A copy of the variables visible at the task.</param>
public sealed record ServiceTaskContext(
    string InstanceId,
    string? BusinessKey,
    string ElementId,
    string? ElementName,
    string ElementType,
    IReadOnlyDictionary<string, JsonNode?> Variables);

/// <summary>What a handler returns: variables to set (may be empty).</summary>
/// <param name="Variables">Variables to set in the process.</param>
public sealed record ServiceTaskResult(IReadOnlyDictionary<string, JsonNode?> Variables)
{
    /// <summary>Done, no variables.</summary>
    public static readonly ServiceTaskResult Done = new(new Dictionary<string, JsonNode?>());
}

/// <summary>
/// A pluggable handler for service, send and business rule tasks and message throw events, chosen by <c>os:handler</c>.
/// Throw <see cref="BpmnErrorException"/> for a business error that boundary events can catch; any other exception
/// becomes an incident.
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>Runs the task.</summary>
    ValueTask<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>A BPMN error raised by a handler, caught by error boundary events or error event sub-processes.</summary>
public sealed class BpmnErrorException : Exception
{
    /// <summary>Creates the error.</summary>
    public BpmnErrorException(string errorCode, string? message = null) : base(message ?? $"BPMN error '{errorCode}'") => ErrorCode = errorCode;

    /// <summary>Creates the error.</summary>
    public BpmnErrorException() : this("error")
    {
    }

    /// <summary>Creates the error.</summary>
    public BpmnErrorException(string message, Exception innerException) : base(message, innerException) => ErrorCode = "error";

    /// <summary>The error code matched against <c>errorRef</c>.</summary>
    public string ErrorCode { get; }
}

/// <summary>Handlers by <c>os:handler</c> key.</summary>
public sealed class ServiceHandlerRegistry
{
    private readonly ConcurrentDictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in handlers: <c>log</c> and <c>noop</c> (both do nothing but complete).</summary>
    public static ServiceHandlerRegistry CreateDefault()
    {
        var registry = new ServiceHandlerRegistry();
        registry.Register("log", static (_, _) => ValueTask.FromResult(ServiceTaskResult.Done));
        registry.Register("noop", static (_, _) => ValueTask.FromResult(ServiceTaskResult.Done));
        return registry;
    }

    /// <summary>Registers or replaces a handler.</summary>
    public ServiceHandlerRegistry Register(string key, IServiceTaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[key] = handler;
        return this;
    }

    /// <summary>Registers a handler given as a delegate.</summary>
    public ServiceHandlerRegistry Register(string key, Func<ServiceTaskContext, CancellationToken, ValueTask<ServiceTaskResult>> handler)
        => Register(key, new DelegateHandler(handler));

    /// <summary>Whether a key is registered.</summary>
    public bool Contains(string key) => _handlers.ContainsKey(key);

    /// <summary>The registered keys, in order, for pickers such as the designer's handler list.</summary>
    public IReadOnlyList<string> Keys => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Finds a handler.</summary>
    public bool TryGet(string key, out IServiceTaskHandler handler) => _handlers.TryGetValue(key, out handler!);

    private sealed class DelegateHandler(Func<ServiceTaskContext, CancellationToken, ValueTask<ServiceTaskResult>> run) : IServiceTaskHandler
    {
        public ValueTask<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
    }
}
