using System.Globalization;
using System.Xml.Linq;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Reading;

/// <summary>Reads one flow node: its attributes, event definition, loop characteristics and OneStop extensions.</summary>
internal static class NodeReader
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;
    private static readonly XNamespace Os = BpmnNamespaces.OneStop;

public static FlowNode Read(XElement element, ElementKind kind, FlowScope scope, ReadContext context)
{
    var id = (string?)element.Attribute("id") ?? $"{element.Name.LocalName}_{context.Problems.Count + 1}";
    var script = element.Element(Bpmn + "script");
    var node = new FlowNode
    {
        Id = id,
        Name = (string?)element.Attribute("name"),
        Kind = kind,
        XmlType = element.Name.LocalName,
        Position = BpmnReader.Position(element),
        Scope = scope,
        Event = ReadEventDefinition(element, context),
        AttachedToId = BpmnReader.LocalRefOrNull((string?)element.Attribute("attachedToRef")),
        CancelActivity = !string.Equals((string?)element.Attribute("cancelActivity") ?? (string?)element.Attribute("isInterrupting"),
            "false", StringComparison.OrdinalIgnoreCase),
        DefaultFlowId = (string?)element.Attribute("default"),
        TriggeredByEvent = string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase),
        Script = script?.Value,
        ScriptFormat = (string?)element.Attribute("scriptFormat"),
        CalledElement = (string?)element.Attribute("calledElement"),
        Loop = ReadLoop(element),
        Os = WithLaneDepartment(ReadOs(element), kind, id, context),
        Instantiate = string.Equals((string?)element.Attribute("instantiate"), "true", StringComparison.OrdinalIgnoreCase),
    };
    if (kind is ElementKind.ReceiveTask or ElementKind.SendTask && element.Attribute("messageRef") is { } messageRef)
    {
        node = CopyWithEvent(node, new EventDefinition
        {
            Trigger = EventTrigger.Message,
            DefinitionType = "messageRef",
            MessageName = context.MessageName(messageRef.Value),
            CorrelationKey = (string?)element.Attribute(Os + "correlationKey"),
        });
    }
    else if (kind == ElementKind.SendTask && (string?)element.Attribute(Os + "correlationKey") is { } sendKey)
    {
        node = CopyWithEvent(node, node.Event with { CorrelationKey = sendKey });
    }
    foreach (var mapping in element.Elements(Bpmn + "extensionElements").Elements())
    {
        if (mapping.Name != Os + "in" && mapping.Name != Os + "out")
        {
            continue;
        }
        var target = (string?)mapping.Attribute("target");
        var source = (string?)mapping.Attribute("source");
        var sourceExpression = (string?)mapping.Attribute("sourceExpression");
        if (target is null || (source is null && sourceExpression is null))
        {
            continue;
        }
        var item = new VariableMapping(sourceExpression ?? source!, target, sourceExpression is not null);
        (mapping.Name.LocalName == "in" ? node.InMappings : node.OutMappings).Add(item);
    }
    if (kind == ElementKind.Unsupported)
    {
        context.Problems.Add(ProblemCodes.Error(ProblemCodes.UnsupportedElement, node,
            $"Phần tử '{node.XmlType}' chưa được hỗ trợ.", $"Element '{node.XmlType}' is not supported."));
    }
    return node;
}

private static FlowNode CopyWithEvent(FlowNode node, EventDefinition definition) => new()
{
    Id = node.Id, Name = node.Name, Kind = node.Kind, XmlType = node.XmlType, Position = node.Position, Scope = node.Scope,
    Event = definition, AttachedToId = node.AttachedToId, CancelActivity = node.CancelActivity, DefaultFlowId = node.DefaultFlowId,
    TriggeredByEvent = node.TriggeredByEvent, Script = node.Script, ScriptFormat = node.ScriptFormat,
    CalledElement = node.CalledElement, Loop = node.Loop, Os = node.Os, Instantiate = node.Instantiate,
};

private static EventDefinition ReadEventDefinition(XElement element, ReadContext context)
{
    var definitions = element.Elements()
        .Where(e => e.Name.Namespace == Bpmn && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
        .ToList();
    if (definitions.Count == 0)
    {
        return EventDefinition.NoneEvent;
    }
    if (definitions.Count > 1)
    {
        return new EventDefinition { Trigger = EventTrigger.Unsupported, DefinitionType = "multiple event definitions" };
    }
    var definition = definitions[0];
    var type = definition.Name.LocalName;
    switch (type)
    {
        case "messageEventDefinition":
            var messageRef = (string?)definition.Attribute("messageRef");
            return new EventDefinition
            {
                Trigger = EventTrigger.Message,
                DefinitionType = type,
                // Without messageRef the element's name is the message name (bpmn.io leaves messageRef out by default).
                MessageName = messageRef is null ? BpmnReader.NonEmpty((string?)element.Attribute("name")) : context.MessageName(messageRef),
                MessageNameFromElement = messageRef is null,
                CorrelationKey = (string?)definition.Attribute(Os + "correlationKey") ?? (string?)element.Attribute(Os + "correlationKey"),
            };
        case "timerEventDefinition":
            var (timerKind, timerElement) =
                definition.Element(Bpmn + "timeDuration") is { } d ? (TimerKind.Duration, d)
                : definition.Element(Bpmn + "timeDate") is { } t ? (TimerKind.Date, t)
                : definition.Element(Bpmn + "timeCycle") is { } c ? (TimerKind.Cycle, c)
                : (TimerKind.Duration, (XElement?)null);
            return new EventDefinition
            {
                Trigger = EventTrigger.Timer,
                DefinitionType = type,
                TimerKind = timerKind,
                TimerExpression = timerElement?.Value.Trim(),
            };
        case "errorEventDefinition":
        case "escalationEventDefinition":
            var isError = type == "errorEventDefinition";
            var codeRef = (string?)definition.Attribute(isError ? "errorRef" : "escalationRef");
            string? code = null;
            string? unresolved = null;
            if (!string.IsNullOrEmpty(codeRef))
            {
                code = isError ? context.ErrorCode(codeRef) : context.EscalationCode(codeRef);
                if (code is null)
                {
                    unresolved = codeRef;
                    code = BpmnReader.LocalRef(codeRef);
                }
            }
            return new EventDefinition
            {
                Trigger = isError ? EventTrigger.Error : EventTrigger.Escalation,
                DefinitionType = type,
                Code = code,
                UnresolvedRef = unresolved,
            };
        case "terminateEventDefinition":
            return new EventDefinition { Trigger = EventTrigger.Terminate, DefinitionType = type };
        case "linkEventDefinition":
            return new EventDefinition
            {
                Trigger = EventTrigger.Link,
                DefinitionType = type,
                LinkName = (string?)definition.Attribute("name") ?? (string?)element.Attribute("name"),
            };
        default:
            return new EventDefinition { Trigger = EventTrigger.Unsupported, DefinitionType = type };
    }
}

private static LoopSpec? ReadLoop(XElement element)
{
    if (element.Element(Bpmn + "multiInstanceLoopCharacteristics") is { } mi)
    {
        var inputItem = mi.Element(Bpmn + "inputDataItem");
        return new LoopSpec
        {
            IsMultiInstance = true,
            IsSequential = string.Equals((string?)mi.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase),
            Collection = (string?)mi.Attribute(Os + "collection") ?? BpmnReader.NonEmpty(mi.Element(Bpmn + "loopDataInputRef")?.Value),
            ElementVariable = (string?)mi.Attribute(Os + "elementVariable")
                ?? (string?)inputItem?.Attribute("name") ?? (string?)inputItem?.Attribute("id"),
            Cardinality = BpmnReader.NonEmpty(mi.Element(Bpmn + "loopCardinality")?.Value),
            CompletionCondition = BpmnReader.NonEmpty(mi.Element(Bpmn + "completionCondition")?.Value),
        };
    }
    if (element.Element(Bpmn + "standardLoopCharacteristics") is { } loop)
    {
        return new LoopSpec
        {
            IsMultiInstance = false,
            LoopCondition = BpmnReader.NonEmpty(loop.Element(Bpmn + "loopCondition")?.Value),
            LoopMaximum = int.TryParse((string?)loop.Attribute("loopMaximum"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : null,
            TestBefore = string.Equals((string?)loop.Attribute("testBefore"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }
    return null;
}

// A user task without its own os:department takes its lane's.
private static OsExtensions WithLaneDepartment(OsExtensions os, ElementKind kind, string id, ReadContext context) =>
    kind == ElementKind.UserTask && os.Department is null && context.LaneDepartments.TryGetValue(id, out var department)
        ? os with { Department = department }
        : os;

private static OsExtensions ReadOs(XElement element)
{
    if (!element.Attributes().Any(a => a.Name.Namespace == Os))
    {
        return OsExtensions.Empty;
    }
    string? Get(string name) => BpmnReader.NonEmpty((string?)element.Attribute(Os + name));
    var outcomes = Get("outcomes")?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    return new OsExtensions
    {
        Department = Get("department"),
        Role = Get("role"),
        Assignee = Get("assignee"),
        Deadline = Get("deadline"),
        Calendar = Get("calendar"),
        Handler = Get("handler"),
        Status = Get("status"),
        Outcomes = outcomes,
        Notice = Get("notice"),
    };
}
}
