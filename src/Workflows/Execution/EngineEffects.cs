using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Expressions;

namespace OneStop.Workflows.Execution;

/// <summary>Services a run needs; shared by all runs of an engine.</summary>
internal sealed record EngineServices(
    ExpressionEvaluator Evaluator,
    ServiceHandlerRegistry Handlers,
    IBusinessCalendarProvider Calendars);

/// <summary>A change to another instance that a run asks for; the engine applies it as its own command after saving.</summary>
internal abstract record EngineEffect;

/// <summary>A call activity starts a child instance.</summary>
internal sealed record StartCalledInstance(
    string ChildInstanceId, string ParentInstanceId, string ParentTokenId, string ProcessKey,
    Dictionary<string, JsonNode?> Variables, string? BusinessKey) : EngineEffect;

/// <summary>A child instance ended: completed (with variables) or with an uncaught error / failure.</summary>
internal sealed record CalledInstanceEnded(
    string ParentInstanceId, string ParentTokenId, string ChildInstanceId, bool Completed,
    string? ErrorCode, string? Message, Dictionary<string, JsonNode?> Variables) : EngineEffect;

/// <summary>A call activity was cancelled, so its child instance is cancelled.</summary>
internal sealed record CancelCalledInstance(string ChildInstanceId) : EngineEffect;

/// <summary>
/// A child instance threw an escalation that nothing in it caught: the call activity that started it throws it again
/// in the parent.
/// </summary>
internal sealed record CalledInstanceEscalated(string ParentInstanceId, string ParentTokenId, string ChildInstanceId, string? Code) : EngineEffect;

/// <summary>A message throw (send task, message throw or end event) sends its message to the engine's own correlation.</summary>
internal sealed record SendMessage(string MessageName, string? CorrelationKey, Dictionary<string, JsonNode?> Variables) : EngineEffect;
