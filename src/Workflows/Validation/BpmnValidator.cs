using OneStop.Workflows.Calendar;
using OneStop.Workflows.Expressions;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Validation;

/// <summary>Checks a parsed model for everything that would stop or mislead execution.</summary>
public static class BpmnValidator
{
    /// <summary>Validates all processes of a model.</summary>
    /// <param name="model">The model to check.</param>
    /// <param name="isKnownHandler">Answers whether an <c>os:handler</c> key is registered.</param>
    public static IReadOnlyList<ValidationProblem> Validate(BpmnModel model, Func<string, bool> isKnownHandler)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(isKnownHandler);
        var problems = new List<ValidationProblem>();
        if (model.DefaultProcess is null)
        {
            problems.Add(new ValidationProblem(ProblemCodes.NoExecutableProcess, ProblemSeverity.Error, null, 0, 0,
                "Tài liệu không có quy trình nào có thể thực thi.", "The document has no process that can be executed."));
        }
        foreach (var process in model.Processes)
        {
            if (!process.IsExecutable)
            {
                problems.Add(ProblemCodes.Make(ProblemCodes.NotExecutable, ProblemSeverity.Warning, process.Id, process.Position,
                    $"Quy trình '{process.Id}' không được đánh dấu isExecutable.", $"Process '{process.Id}' is not marked isExecutable."));
            }
            ValidateScope(process.Scope, isKnownHandler, problems);
            ReportUnreachable(process, problems);
        }
        return problems;
    }

    private static void ValidateScope(FlowScope scope, Func<string, bool> isKnownHandler, List<ValidationProblem> problems)
    {
        var isEventSub = scope.Owner?.TriggeredByEvent == true;
        var starts = scope.StartEvents.ToList();
        if (isEventSub)
        {
            if (starts.Count != 1 || starts[0].Event.Trigger is not (EventTrigger.Message or EventTrigger.Timer or EventTrigger.Error or EventTrigger.Escalation))
            {
                problems.Add(ProblemCodes.Error(ProblemCodes.InvalidEventSubProcess, scope.Owner!,
                    "Quy trình con sự kiện cần đúng một sự kiện bắt đầu loại thông điệp, hẹn giờ, lỗi hoặc leo thang.",
                    "An event sub-process needs exactly one message, timer, error or escalation start event."));
            }
        }
        else if (starts.Count == 0 && scope.Nodes.Count > 0)
        {
            var at = scope.Owner?.Position ?? scope.Nodes[0].Position;
            problems.Add(ProblemCodes.Make(ProblemCodes.NoStartEvent, ProblemSeverity.Error, scope.Id, at,
                $"'{scope.Id}' không có sự kiện bắt đầu.", $"'{scope.Id}' has no start event."));
        }

        foreach (var node in scope.Nodes)
        {
            ValidateEvent(node, scope, isEventSub, problems);
            ValidateNode(node, scope, isKnownHandler, problems);
            if (node.SubScope is not null)
            {
                ValidateScope(node.SubScope, isKnownHandler, problems);
            }
        }
        foreach (var flow in scope.Flows.Where(f => f.Condition is not null))
        {
            CheckExpression(flow.Condition, flow.Id, flow.Position, problems);
        }
    }

    private static void ValidateEvent(FlowNode node, FlowScope scope, bool isEventSub, List<ValidationProblem> problems)
    {
        var trigger = node.Event.Trigger;
        var allowed = node.Kind switch
        {
            ElementKind.StartEvent when isEventSub => trigger is EventTrigger.Message or EventTrigger.Timer or EventTrigger.Error or EventTrigger.Escalation,
            ElementKind.StartEvent when scope.Owner is null => trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Timer,
            ElementKind.StartEvent => trigger is EventTrigger.None,
            ElementKind.EndEvent => trigger is EventTrigger.None or EventTrigger.Terminate or EventTrigger.Error or EventTrigger.Escalation or EventTrigger.Message,
            ElementKind.IntermediateCatchEvent => trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Link,
            ElementKind.IntermediateThrowEvent => trigger is EventTrigger.None or EventTrigger.Message or EventTrigger.Escalation or EventTrigger.Link,
            ElementKind.BoundaryEvent => trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Error or EventTrigger.Escalation,
            _ => true,
        };
        if (!allowed)
        {
            var what = node.Event.DefinitionType ?? "none";
            problems.Add(ProblemCodes.Error(ProblemCodes.UnsupportedElement, node,
                $"'{node.XmlType}' với định nghĩa sự kiện '{what}' chưa được hỗ trợ ở đây.",
                $"'{node.XmlType}' with event definition '{what}' is not supported here."));
            return;
        }
        if (trigger == EventTrigger.Timer)
        {
            CheckTimer(node, problems);
        }
        var isCatch = node.Kind is ElementKind.StartEvent or ElementKind.IntermediateCatchEvent or ElementKind.BoundaryEvent or ElementKind.ReceiveTask;
        if (isCatch && trigger == EventTrigger.Message && string.IsNullOrEmpty(node.Event.MessageName))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.MessageWithoutName, node,
                "Sự kiện thông điệp cần tham chiếu tới một thông điệp (messageRef) hoặc có tên.",
                "A message catch event needs a messageRef or a name."));
        }
        else if (isCatch && trigger == EventTrigger.Message && node.Event.MessageNameFromElement)
        {
            problems.Add(ProblemCodes.Warning(ProblemCodes.MessageWithoutName, node,
                $"Sự kiện không có messageRef; tên thông điệp lấy theo tên phần tử '{node.Event.MessageName}'.",
                $"The event has no messageRef; its name '{node.Event.MessageName}' is used as the message name."));
        }
        if (node.Event.CorrelationKey is not null)
        {
            CheckExpression(node.Event.CorrelationKey, node.Id, node.Position, problems);
        }
        if (node.Kind == ElementKind.BoundaryEvent && (node.AttachedTo is null || node.AttachedTo.Scope != node.Scope))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.InvalidBoundary, node,
                "Sự kiện biên không gắn với một hoạt động hợp lệ.", "The boundary event is not attached to a valid activity."));
        }
        if (trigger == EventTrigger.Link && node.Kind == ElementKind.IntermediateThrowEvent
            && !scope.Nodes.Any(n => n.Kind == ElementKind.IntermediateCatchEvent && n.Event.Trigger == EventTrigger.Link && n.Event.LinkName == node.Event.LinkName))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.UnmatchedLink, node,
                $"Không có sự kiện liên kết bắt tên '{node.Event.LinkName}'.", $"No link catch event named '{node.Event.LinkName}'."));
        }
    }

    private static void ValidateNode(FlowNode node, FlowScope scope, Func<string, bool> isKnownHandler, List<ValidationProblem> problems)
    {
        if (node.IsGateway && node.Outgoing.Count == 0)
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.GatewayWithoutOutgoing, node,
                "Cổng không có luồng đi ra.", "The gateway has no outgoing flow."));
        }
        if (node.Kind is ElementKind.ExclusiveGateway or ElementKind.InclusiveGateway && node.Outgoing.Count > 0
            && node.DefaultFlowId is null && node.Outgoing.All(f => f.Condition is not null))
        {
            problems.Add(ProblemCodes.Warning(ProblemCodes.ExclusiveMayNotMatch, node,
                "Cổng không có luồng mặc định; nếu không điều kiện nào đúng, hồ sơ sẽ dừng với sự cố.",
                "The gateway has no default flow; if no condition is true the instance stops with an incident."));
        }
        if (node.Kind == ElementKind.EventBasedGateway)
        {
            if (node.Instantiate || node.Outgoing.Any(f => f.Target is not { } t
                || !(t.Kind == ElementKind.ReceiveTask || (t.Kind == ElementKind.IntermediateCatchEvent && t.Event.Trigger is EventTrigger.Timer or EventTrigger.Message))))
            {
                problems.Add(ProblemCodes.Error(ProblemCodes.InvalidEventGateway, node,
                    "Sau cổng sự kiện chỉ được là sự kiện bắt hẹn giờ, thông điệp hoặc tác vụ nhận.",
                    "An event-based gateway may only lead to timer or message catch events or receive tasks."));
            }
        }
        switch (node.Kind)
        {
            // A send task without handler still sends its message to the engine's own correlation.
            case ElementKind.ServiceTask or ElementKind.BusinessRuleTask:
                if (node.Os.Handler is null)
                {
                    problems.Add(ProblemCodes.Warning(ProblemCodes.MissingHandler, node,
                        "Tác vụ không có os:handler; nó sẽ được bỏ qua khi chạy.", "The task has no os:handler; it passes through."));
                }
                break;
            case ElementKind.ScriptTask:
                if (node.ScriptFormat is not null && !string.Equals(node.ScriptFormat, "scriban", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(ProblemCodes.Error(ProblemCodes.UnsupportedScriptFormat, node,
                        $"Định dạng kịch bản '{node.ScriptFormat}' không được hỗ trợ; chỉ hỗ trợ Scriban.",
                        $"Script format '{node.ScriptFormat}' is not supported; only Scriban is."));
                }
                else
                {
                    CheckExpression(node.Script ?? string.Empty, node.Id, node.Position, problems);
                }
                break;
            case ElementKind.CallActivity when string.IsNullOrWhiteSpace(node.CalledElement):
                problems.Add(ProblemCodes.Error(ProblemCodes.CallWithoutTarget, node,
                    "Hoạt động gọi thiếu calledElement.", "The call activity has no calledElement."));
                break;
        }
        if (node.Os.Handler is { } handler && !isKnownHandler(handler))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.UnknownHandler, node,
                $"Không có bộ xử lý nào cho khoá '{handler}'.", $"No handler is registered for key '{handler}'."));
        }
        if (node.Os.Deadline is { } deadline && !IsoDuration.TryParse(deadline, out _))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.InvalidDuration, node,
                $"Thời hạn '{deadline}' không phải khoảng thời gian ISO 8601.", $"Deadline '{deadline}' is not an ISO 8601 duration."));
        }
        if (node.Os.Calendar is { } calendar && calendar is not (CalendarNames.Working or CalendarNames.Wall))
        {
            problems.Add(ProblemCodes.Error(ProblemCodes.InvalidCalendar, node,
                $"os:calendar phải là 'working' hoặc 'wall', không phải '{calendar}'.", $"os:calendar must be 'working' or 'wall', not '{calendar}'."));
        }
        CheckExpression(node.Os.Assignee, node.Id, node.Position, problems);
        CheckExpression(node.Os.DepartmentExpression, node.Id, node.Position, problems);
        foreach (var mapping in node.InMappings.Concat(node.OutMappings).Where(m => m.IsExpression))
        {
            CheckExpression(mapping.Source, node.Id, node.Position, problems);
        }
        if (node.Loop is { } loop)
        {
            if (loop.IsMultiInstance && loop.Collection is null && loop.Cardinality is null)
            {
                problems.Add(ProblemCodes.Error(ProblemCodes.MultiInstanceWithoutInput, node,
                    "Hoạt động đa thể hiện cần tập hợp (os:collection) hoặc loopCardinality.",
                    "A multi-instance activity needs a collection (os:collection) or a loopCardinality."));
            }
            CheckExpression(loop.Collection, node.Id, node.Position, problems);
            CheckExpression(loop.Cardinality, node.Id, node.Position, problems);
            CheckExpression(loop.CompletionCondition, node.Id, node.Position, problems);
            CheckExpression(loop.LoopCondition, node.Id, node.Position, problems);
        }
    }

    private static void CheckTimer(FlowNode node, List<ValidationProblem> problems)
    {
        var text = node.Event.TimerExpression;
        if (TimerSchedule.TryParse(node.Event.TimerKind, text) is not null)
        {
            return;
        }
        if (text is not null && IsExpressionSyntax(text) && ExpressionEvaluator.SyntaxError(text) is null)
        {
            return;
        }
        problems.Add(ProblemCodes.Error(ProblemCodes.InvalidDuration, node,
            $"Biểu thức hẹn giờ '{text}' không hợp lệ.", $"Timer '{text}' is not a valid ISO 8601 {node.Event.TimerKind.ToString().ToLowerInvariant()}."));
    }

    internal static bool IsExpressionSyntax(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith('=') || t.StartsWith("${", StringComparison.Ordinal) || t.StartsWith("#{", StringComparison.Ordinal) || t.StartsWith("{{", StringComparison.Ordinal);
    }

    private static void CheckExpression(string? text, string elementId, SourcePosition at, List<ValidationProblem> problems)
    {
        if (text is null || ExpressionEvaluator.SyntaxError(text) is not { } error)
        {
            return;
        }
        problems.Add(ProblemCodes.Make(ProblemCodes.ExpressionSyntax, ProblemSeverity.Error, elementId, at,
            $"Biểu thức không hợp lệ: {error}", $"The expression does not parse: {error}"));
    }

    private static void ReportUnreachable(ProcessModel process, List<ValidationProblem> problems)
    {
        var reached = new HashSet<FlowNode>();
        var pending = new Stack<FlowNode>();
        void Root(FlowScope scope)
        {
            foreach (var n in scope.Nodes.Where(n => n.Kind == ElementKind.StartEvent
                || (n.Kind == ElementKind.IntermediateCatchEvent && n.Event.Trigger == EventTrigger.Link)
                || (n.Kind == ElementKind.SubProcess && n.TriggeredByEvent)))
            {
                pending.Push(n);
            }
        }
        Root(process.Scope);
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node))
            {
                continue;
            }
            foreach (var flow in node.Outgoing)
            {
                if (flow.Target is not null) pending.Push(flow.Target);
            }
            foreach (var boundary in node.Boundaries)
            {
                pending.Push(boundary);
            }
            if (node.SubScope is not null)
            {
                Root(node.SubScope);
            }
        }
        foreach (var node in process.NodesById.Values.Where(n => !reached.Contains(n)))
        {
            problems.Add(ProblemCodes.Warning(ProblemCodes.Unreachable, node,
                "Không có luồng nào dẫn tới phần tử này.", "No token can reach this element."));
        }
    }
}
