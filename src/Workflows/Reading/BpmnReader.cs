using System.Text;
using System.Xml;
using System.Xml.Linq;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Reading;

/// <summary>The result of reading a BPMN document: a model (null if the XML is unusable) and reading problems.</summary>
/// <param name="Model">The model, or null when the document is not BPMN.</param>
/// <param name="Problems">Problems found while reading (unsupported elements, broken references).</param>
public sealed record ReadResult(BpmnModel? Model, IReadOnlyList<ValidationProblem> Problems);

/// <summary>
/// Reads BPMN 2.0 XML into a <see cref="BpmnModel"/>. Never throws for bad input: every defect becomes a problem.
/// Foreign extension elements and attributes are ignored; DI is kept only inside the original XML.
/// </summary>
public static class BpmnReader
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;
    private static readonly XNamespace Os = BpmnNamespaces.OneStop;

    private static readonly HashSet<string> UnsupportedFlowNodes = new(StringComparer.Ordinal)
    {
        "transaction", "adHocSubProcess", "complexGateway", "callChoreography", "subChoreography",
        "choreographyTask", "implicitThrowEvent",
    };

    /// <summary>Reads a file, honouring the encoding declared in the XML.</summary>
    public static ReadResult ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a document from bytes, honouring the declared encoding.</summary>
    public static ReadResult Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, SafeSettings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return NotWellFormed(ex);
        }
        return Read(document, DecodeOriginal(content, document));
    }

    /// <summary>Reads a document from text.</summary>
    public static ReadResult Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, SafeSettings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return NotWellFormed(ex);
        }
        return Read(document, xml);
    }

    // DTDs and external entities are refused: a model is untrusted input.
    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private static string DecodeOriginal(byte[] content, XDocument document)
    {
        var declared = document.Declaration?.Encoding;
        Encoding encoding = Encoding.UTF8;
        if (!string.IsNullOrEmpty(declared))
        {
            try
            {
                encoding = Encoding.GetEncoding(declared);
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }
        using var reader = new StreamReader(new MemoryStream(content), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static ReadResult NotWellFormed(XmlException ex) => new(null,
    [
        new ValidationProblem(ProblemCodes.NotBpmn, ProblemSeverity.Error, null, ex.LineNumber, ex.LinePosition,
            $"Tài liệu không phải XML hợp lệ: {ex.Message}", $"The document is not well-formed XML: {ex.Message}"),
    ]);

    private static ReadResult Read(XDocument document, string xml)
    {
        var root = document.Root;
        if (root is null || root.Name != Bpmn + "definitions")
        {
            var at = Position(root);
            return new ReadResult(null,
            [
                new ValidationProblem(ProblemCodes.NotBpmn, ProblemSeverity.Error, null, at.Line, at.Column,
                    "Phần tử gốc phải là bpmn:definitions.", "The root element must be bpmn:definitions."),
            ]);
        }

        var context = new ReadContext(root);
        var model = new BpmnModel { Xml = xml };
        foreach (var participant in root.Elements(Bpmn + "collaboration").Elements(Bpmn + "participant"))
        {
            var id = (string?)participant.Attribute("id");
            var processRef = (string?)participant.Attribute("processRef");
            if (id is not null && processRef is not null)
            {
                model.Participants[id] = LocalRef(processRef);
            }
        }
        foreach (var processElement in root.Elements(Bpmn + "process"))
        {
            model.Processes.Add(ReadProcess(processElement, context));
        }
        return new ReadResult(model, context.Problems);
    }

    private static ProcessModel ReadProcess(XElement element, ReadContext context)
    {
        var id = (string?)element.Attribute("id") ?? "process";
        var scope = new FlowScope { Id = id };
        var process = new ProcessModel
        {
            Id = id,
            Name = (string?)element.Attribute("name"),
            IsExecutable = string.Equals((string?)element.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase),
            Position = Position(element),
            Scope = scope,
        };
        context.LaneDepartments = LaneDepartments(element);
        ReadScope(element, scope, process, context);
        foreach (var node in process.NodesById.Values.Where(n => n.Kind == ElementKind.BoundaryEvent))
        {
            if (node.AttachedToId is not null && process.NodesById.TryGetValue(node.AttachedToId, out var host) && host.IsActivity)
            {
                node.AttachedTo = host;
                host.Boundaries.Add(node);
            }
        }
        return process;
    }

    // Lanes (of the process and its sub-processes, nested through childLaneSet) bound to a department with
    // os:department: each flow node gets the department of the deepest lane that holds it, a lane without one
    // inheriting its parent lane's.
    private static Dictionary<string, string> LaneDepartments(XElement process)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lane in process.Descendants(Bpmn + "lane"))
        {
            var enclosing = lane.Ancestors(Bpmn + "lane").ToList();
            var department = NonEmpty((string?)lane.Attribute(Os + "department"))
                ?? enclosing.Select(l => NonEmpty((string?)l.Attribute(Os + "department"))).FirstOrDefault(d => d is not null);
            if (department is null)
            {
                continue;
            }
            foreach (var reference in lane.Elements(Bpmn + "flowNodeRef").Select(r => NonEmpty(r.Value)).OfType<string>())
            {
                if (!depths.TryGetValue(reference, out var depth) || depth <= enclosing.Count)
                {
                    depths[reference] = enclosing.Count;
                    result[reference] = department;
                }
            }
        }
        return result;
    }

    private static void ReadScope(XElement container, FlowScope scope, ProcessModel process, ReadContext context)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != Bpmn)
            {
                continue;
            }
            var local = child.Name.LocalName;
            if (local == "sequenceFlow")
            {
                ReadFlow(child, scope, process, context);
                continue;
            }
            var kind = KindOf(local);
            if (kind is null && !UnsupportedFlowNodes.Contains(local))
            {
                continue;
            }
            var node = NodeReader.Read(child, kind ?? ElementKind.Unsupported, scope, context);
            if (!process.NodesById.TryAdd(node.Id, node))
            {
                context.Problems.Add(ProblemCodes.Error(ProblemCodes.DuplicateId, node,
                    $"Mã phần tử '{node.Id}' bị trùng.", $"Element id '{node.Id}' is used more than once."));
                continue;
            }
            scope.Nodes.Add(node);
            if (node.Kind == ElementKind.SubProcess)
            {
                node.SubScope = new FlowScope { Id = node.Id, Owner = node, Parent = scope };
                ReadScope(child, node.SubScope, process, context);
            }
        }

        foreach (var flow in scope.Flows)
        {
            flow.Source = process.NodesById.GetValueOrDefault(flow.SourceId);
            flow.Target = process.NodesById.GetValueOrDefault(flow.TargetId);
            if (flow.Source is null || flow.Target is null || flow.Source.Scope != scope || flow.Target.Scope != scope)
            {
                context.Problems.Add(ProblemCodes.Make(ProblemCodes.FlowWithoutTarget, ProblemSeverity.Error, flow.Id, flow.Position,
                    $"Luồng '{flow.Id}' không có nguồn hoặc đích hợp lệ trong cùng phạm vi.",
                    $"Sequence flow '{flow.Id}' has no valid source or target in the same scope."));
                flow.Source = null;
                flow.Target = null;
                continue;
            }
            flow.Source.Outgoing.Add(flow);
            flow.Target.Incoming.Add(flow);
        }
    }

    private static void ReadFlow(XElement element, FlowScope scope, ProcessModel process, ReadContext context)
    {
        var id = (string?)element.Attribute("id") ?? $"flow_{scope.Flows.Count + 1}";
        var condition = element.Element(Bpmn + "conditionExpression");
        var text = NonEmpty(condition?.Value);
        var language = NonEmpty((string?)condition?.Attribute("language"));
        var flow = new SequenceFlow
        {
            Id = id,
            Name = (string?)element.Attribute("name"),
            SourceId = (string?)element.Attribute("sourceRef") ?? string.Empty,
            TargetId = (string?)element.Attribute("targetRef") ?? string.Empty,
            // A FEEL condition is read as Camunda 8 writes it, with a leading '=' (see ExpressionEvaluator.Normalize).
            Condition = text is not null && IsFeel(language) && !text.StartsWith('=') ? "= " + text : text,
            Position = Position(element),
        };
        if (text is not null && language is not null && ScriptLanguages.Any(l => language.Contains(l, StringComparison.OrdinalIgnoreCase)))
        {
            context.Problems.Add(ProblemCodes.Make(ProblemCodes.UnsupportedExpressionLanguage, ProblemSeverity.Error, id, Position(condition),
                $"Ngôn ngữ biểu thức '{language}' không được hỗ trợ; hãy viết điều kiện bằng Scriban.",
                $"Expression language '{language}' is not supported; write the condition in Scriban."));
        }
        if (!process.FlowsById.TryAdd(id, flow))
        {
            context.Problems.Add(ProblemCodes.Make(ProblemCodes.DuplicateId, ProblemSeverity.Error, id, flow.Position,
                $"Mã phần tử '{id}' bị trùng.", $"Element id '{id}' is used more than once."));
            return;
        }
        scope.Flows.Add(flow);
    }

    // Condition languages that are programs, not expressions: refused (OS2023). XPath, JUEL, FEEL and Scriban
    // conditions are read as Scriban (simple comparisons carry over; see ForeignExpressions).
    private static readonly string[] ScriptLanguages = ["javascript", "ecmascript", "groovy", "python", "ruby", "nashorn", "graal"];

    private static bool IsFeel(string? language) => language is not null && language.Contains("feel", StringComparison.OrdinalIgnoreCase);

    private static ElementKind? KindOf(string local) => local switch
    {
        "startEvent" => ElementKind.StartEvent,
        "endEvent" => ElementKind.EndEvent,
        "intermediateCatchEvent" => ElementKind.IntermediateCatchEvent,
        "intermediateThrowEvent" => ElementKind.IntermediateThrowEvent,
        "boundaryEvent" => ElementKind.BoundaryEvent,
        "task" => ElementKind.Task,
        "userTask" => ElementKind.UserTask,
        "manualTask" => ElementKind.ManualTask,
        "serviceTask" => ElementKind.ServiceTask,
        "sendTask" => ElementKind.SendTask,
        "receiveTask" => ElementKind.ReceiveTask,
        "scriptTask" => ElementKind.ScriptTask,
        "businessRuleTask" => ElementKind.BusinessRuleTask,
        "subProcess" => ElementKind.SubProcess,
        "callActivity" => ElementKind.CallActivity,
        "exclusiveGateway" => ElementKind.ExclusiveGateway,
        "parallelGateway" => ElementKind.ParallelGateway,
        "inclusiveGateway" => ElementKind.InclusiveGateway,
        "eventBasedGateway" => ElementKind.EventBasedGateway,
        _ => null,
    };

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static SourcePosition Position(XObject? element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : default;

    // References may be QNames ("tns:Message_1"); ids are matched on the local part.
    internal static string LocalRef(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? reference[(colon + 1)..] : reference;
    }

    internal static string? LocalRefOrNull(string? reference) => reference is null ? null : LocalRef(reference);
}
