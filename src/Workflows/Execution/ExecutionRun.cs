using System.Text.Json.Nodes;
using OneStop.Workflows.Execution.Behaviors;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

/// <summary>
/// One engine command applied to one instance: it moves tokens until nothing can move, collecting journal entries
/// and effects on other instances. The instance is plain data; the run is thrown away after the save.
/// </summary>
internal sealed partial class ExecutionRun
{
    private readonly Queue<TokenState> _ready = new();

    public ExecutionRun(InstanceState instance, ProcessModel process, EngineServices services, DateTimeOffset now, long journalSequence, CancellationToken cancellationToken)
    {
        Instance = instance;
        Process = process;
        Services = services;
        Now = now;
        JournalSequence = journalSequence;
        CancellationToken = cancellationToken;
        Waits = new WaitStates(this);
    }

    /// <summary>Timers, subscriptions and cancellation for this run.</summary>
    public WaitStates Waits { get; }

    public InstanceState Instance { get; }

    public ProcessModel Process { get; }

    public EngineServices Services { get; }

    public DateTimeOffset Now { get; }

    public CancellationToken CancellationToken { get; }

    public long JournalSequence { get; private set; }

    public List<JournalEntry> Journal { get; } = [];

    public List<EngineEffect> Effects { get; } = [];

    public bool Halted => Instance.IsEnded;

    public string NewLocalId(string prefix) => prefix + (++Instance.NextLocalId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- journal -------------------------------------------------------------------------------------------

    public void Record(string eventName, FlowNode? node, TokenState? token, JsonObject? data = null) =>
        Journal.Add(new JournalEntry
        {
            Sequence = ++JournalSequence,
            InstanceId = Instance.Id,
            Time = Now,
            Event = eventName,
            ElementId = node?.Id,
            ElementName = node?.Name,
            ElementType = node?.XmlType,
            TokenId = token?.Id,
            Data = data,
        });

    public void RecordProcess(string eventName, JsonObject? data = null) =>
        Journal.Add(new JournalEntry
        {
            Sequence = ++JournalSequence,
            InstanceId = Instance.Id,
            Time = Now,
            Event = eventName,
            ElementId = Process.Id,
            ElementName = Process.Name,
            ElementType = "process",
            Data = data,
        });

    // ---- variables -----------------------------------------------------------------------------------------

    public ScopeState Scope(string scopeId) => Instance.Scopes.First(s => s.Id == scopeId);

    public ScopeState? FindScope(string scopeId) => Instance.Scopes.Find(s => s.Id == scopeId);

    public ScopeState RootScope => Instance.Scopes[0];

    /// <summary>All variables visible from a scope; inner scopes shadow outer ones.</summary>
    public Dictionary<string, JsonNode?> VariablesFor(string scopeId)
    {
        var chain = new List<ScopeState>();
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentId is null ? null : FindScope(scope.ParentId))
        {
            chain.Add(scope);
        }
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in chain[i].Variables)
            {
                result[name] = value;
            }
        }
        return result;
    }

    /// <summary>Sets variables where they already live (nearest scope), else in the process scope; journals the change.</summary>
    public void SetVariables(string scopeId, IReadOnlyDictionary<string, JsonNode?> values, FlowNode? node, TokenState? token)
    {
        if (values.Count == 0)
        {
            return;
        }
        var changed = new JsonObject();
        foreach (var (name, value) in values)
        {
            var target = RootScope;
            for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentId is null ? null : FindScope(scope.ParentId))
            {
                if (scope.Variables.ContainsKey(name))
                {
                    target = scope;
                    break;
                }
            }
            target.Variables[name] = value?.DeepClone();
            changed[name] = value?.DeepClone();
        }
        Record(JournalEvents.VariablesChanged, node, token, new JsonObject { ["variables"] = changed });
    }

    // ---- tokens --------------------------------------------------------------------------------------------

    public TokenState NewToken(string elementId, string scopeId, string? via = null, bool enqueue = true, bool multiInstanceInner = false)
    {
        var token = new TokenState
        {
            Id = NewLocalId("t"),
            ElementId = elementId,
            ScopeId = scopeId,
            ArrivedVia = via,
            IsMultiInstanceInner = multiInstanceInner,
            Phase = enqueue ? TokenPhase.Ready : TokenPhase.Waiting,
        };
        Instance.Tokens.Add(token);
        if (enqueue)
        {
            _ready.Enqueue(token);
        }
        return token;
    }

    public TokenState? FindToken(string tokenId) => Instance.Tokens.Find(t => t.Id == tokenId);

    public async Task RunAsync()
    {
        while (!Halted)
        {
            while (!Halted && _ready.TryDequeue(out var token))
            {
                CancellationToken.ThrowIfCancellationRequested();
                if (!Instance.Tokens.Contains(token) || token.Phase != TokenPhase.Ready)
                {
                    continue;
                }
                token.Phase = TokenPhase.Waiting;
                await ExecuteAsync(token).ConfigureAwait(false);
            }
            if (Halted || !InclusiveJoin.TryFireOne(this))
            {
                break;
            }
        }
        if (!Halted)
        {
            Instance.Status = InstanceStatus.Waiting;
        }
    }

    private async Task ExecuteAsync(TokenState token)
    {
        var node = Process.GetNode(token.ElementId);
        try
        {
            if (node.IsActivity)
            {
                await ActivityLifecycle.EnterAsync(this, token, node).ConfigureAwait(false);
            }
            else
            {
                await ElementBehaviors.For(node.Kind).ExecuteAsync(this, token, node).ConfigureAwait(false);
            }
        }
        catch (Expressions.ExpressionException ex)
        {
            RaiseIncident(token, node, "expression", ex.Message);
        }
    }

    /// <summary>Journals that a token entered its element, with the pass-through os:status and os:notice.</summary>
    public void Enter(TokenState token, FlowNode node, JsonObject? data = null)
    {
        token.Entered = true;
        Record(JournalEvents.ElementEntered, node, token, data);
        if (node.Os.Status is { } status)
        {
            Record(JournalEvents.StatusChanged, node, token, new JsonObject { ["status"] = status });
        }
        if (node.Os.Notice is { } notice)
        {
            Record(JournalEvents.NoticeRequested, node, token, new JsonObject { ["notice"] = notice });
        }
    }

    /// <summary>Completes the token's element and moves on along the outgoing flows.</summary>
    public void Leave(TokenState token, FlowNode node)
    {
        if (token.IsMultiInstanceInner)
        {
            Record(JournalEvents.ElementCompleted, node, token);
            EndToken(token);
            return;
        }
        // Flows are chosen before the element completes: with no flow to take it stays where it is, with an incident.
        var flows = SelectOutgoing(token, node);
        if (flows is null)
        {
            return;
        }
        Record(JournalEvents.ElementCompleted, node, token);
        Waits.RemoveWaits(token.Id);
        Instance.Tokens.Remove(token);
        foreach (var flow in flows)
        {
            NewToken(flow.Target!.Id, token.ScopeId, flow.Id);
        }
        if (flows.Count == 0)
        {
            CheckScope(token.ScopeId);
        }
    }

    /// <summary>The flows to take: null after an incident.</summary>
    private List<SequenceFlow>? SelectOutgoing(TokenState token, FlowNode node)
    {
        var candidates = node.Outgoing.Where(f => f.Target is not null).ToList();
        if (candidates.Count == 0 || node.Kind is ElementKind.ParallelGateway)
        {
            return candidates;
        }
        var variables = VariablesFor(token.ScopeId);
        var chosen = new List<SequenceFlow>();
        SequenceFlow? defaultFlow = null;
        foreach (var flow in candidates)
        {
            if (flow.Id == node.DefaultFlowId)
            {
                defaultFlow = flow;
                continue;
            }
            bool taken;
            try
            {
                taken = flow.Condition is null || Services.Evaluator.EvaluateCondition(flow.Condition, variables);
            }
            catch (Expressions.ExpressionException ex)
            {
                RaiseIncident(token, node, "expression", $"Condition of flow '{flow.Id}': {ex.Message}", IncidentStep.Leave);
                return null;
            }
            if (taken)
            {
                chosen.Add(flow);
                if (node.Kind == ElementKind.ExclusiveGateway)
                {
                    break;
                }
            }
        }
        if (chosen.Count == 0 && defaultFlow is not null)
        {
            chosen.Add(defaultFlow);
        }
        if (chosen.Count == 0)
        {
            RaiseIncident(token, node, IncidentKinds.NoMatchingFlow,
                $"No outgoing flow of {node} has a true condition and there is no default flow.");
            return null;
        }
        return chosen;
    }

    /// <summary>Removes a token that has finished and completes its scope if it was the last.</summary>
    public void EndToken(TokenState token)
    {
        Instance.Tokens.Remove(token);
        Waits.RemoveWaits(token.Id);
        CheckScope(token.ScopeId);
    }

    public void CheckScope(string scopeId)
    {
        var scope = FindScope(scopeId);
        if (scope is null || Halted || Instance.Tokens.Exists(t => t.ScopeId == scopeId))
        {
            return;
        }
        CompleteScope(scope);
    }

    private void CompleteScope(ScopeState scope)
    {
        Waits.RemoveScopeWaits(scope.Id);
        if (scope.ParentId is null)
        {
            RecordProcess(JournalEvents.ElementCompleted);
            Instance.Status = InstanceStatus.Completed;
            Instance.EndedAt = Now;
            if (Instance.ParentInstanceId is not null)
            {
                Effects.Add(new CalledInstanceEnded(Instance.ParentInstanceId, Instance.ParentTokenId!, Instance.Id, true, null, null,
                    new Dictionary<string, JsonNode?>(RootScope.Variables)));
            }
            return;
        }
        Instance.Scopes.Remove(scope);
        var owner = FindToken(scope.OwnerTokenId!);
        if (owner is null)
        {
            return;
        }
        var ownerNode = Process.GetNode(owner.ElementId);
        if (scope.IsMultiInstanceInner)
        {
            MultiInstance.InnerCompleted(this, owner, ownerNode);
        }
        else
        {
            owner.ChildScopeId = null;
            ActivityLifecycle.Complete(this, owner, ownerNode);
        }
    }

    public void RaiseIncident(TokenState? token, FlowNode? node, string kind, string message, IncidentStep step = IncidentStep.Element)
    {
        var incident = new Incident { Id = NewLocalId("i"), ElementId = node?.Id, TokenId = token?.Id, Kind = kind, Message = message, CreatedAt = Now, Step = step };
        Instance.Incidents.Add(incident);
        Record(JournalEvents.Incident, node, token, new JsonObject { ["incidentId"] = incident.Id, ["kind"] = kind, ["message"] = message });
        Instance.Status = InstanceStatus.Failed;
        Instance.EndedAt = Now;
        _ready.Clear();
        if (Instance.ParentInstanceId is not null)
        {
            Effects.Add(new CalledInstanceEnded(Instance.ParentInstanceId, Instance.ParentTokenId!, Instance.Id, false, null, message,
                new Dictionary<string, JsonNode?>()));
        }
    }

    /// <summary>Starts a scope: listens for its event sub-processes, then places tokens on the given start events.</summary>
    public void ActivateScope(ScopeState scope, FlowScope flowScope, IEnumerable<FlowNode> startEvents)
    {
        foreach (var eventSub in flowScope.EventSubProcesses)
        {
            var start = eventSub.SubScope?.StartEvents.FirstOrDefault();
            if (start?.Event.Trigger == EventTrigger.Timer)
            {
                Waits.ScheduleTimer(start, null, scope.Id);
            }
            else if (start?.Event.Trigger == EventTrigger.Message)
            {
                Waits.Subscribe(start, null, scope.Id, scope.Id);
            }
        }
        foreach (var start in startEvents)
        {
            NewToken(start.Id, scope.Id);
        }
    }

    public ScopeState NewScope(string? parentId, string elementId, string? ownerTokenId, bool multiInstanceInner = false)
    {
        var scope = new ScopeState { Id = NewLocalId("s"), ParentId = parentId, ElementId = elementId, OwnerTokenId = ownerTokenId, IsMultiInstanceInner = multiInstanceInner };
        Instance.Scopes.Add(scope);
        return scope;
    }

    /// <summary>The model scope a runtime scope executes (null for a multi-instance inner scope of a task).</summary>
    public FlowScope? FlowScopeOf(ScopeState scope) =>
        scope.ParentId is null ? Process.Scope : scope.IsMultiInstanceInner ? null : Process.GetNode(scope.ElementId).SubScope;
}
