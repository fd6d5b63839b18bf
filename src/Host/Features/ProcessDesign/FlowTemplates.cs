using System.Globalization;
using System.Security;
using System.Text;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>
/// The diagrams a new flow starts from. Every node has DI so bpmn-js and Camunda Modeler lay them out as drawn here;
/// the layout matches the browser client's templates (src/Designer/client/src/api/templates.js).
/// </summary>
public static class FlowTemplates
{
    private const int MidY = 200;
    private static readonly (int Width, int Height) Task = (100, 80);
    private static readonly (int Width, int Height) Event = (36, 36);
    private static readonly (int Width, int Height) Gateway = (50, 50);

    private sealed record Node(string Id, string Type, string Name, int X, (int Width, int Height) Size, params (string Name, string Value)[] Attributes);

    private sealed record Flow(string Id, string Source, string Target, (int X, int Y)[] Points, string? Name = null, string? Condition = null);

    public static string Create(FlowTemplate template, string key, string name) => template switch
    {
        FlowTemplate.Starter => Starter(key, name),
        _ => Blank(key, name),
    };

    /// <summary>One start event ("Bắt đầu").</summary>
    public static string Blank(string key, string name) =>
        Definitions(key, name, [new Node("StartEvent_1", "startEvent", "Bắt đầu", 180, Event)], []);

    /// <summary>
    /// Nộp hồ sơ → Tiếp nhận hồ sơ → Chuyên viên xử lý (2 working days) → Trưởng phòng duyệt (Chuyển tiếp / Trả lại back to the
    /// specialist) → Lãnh đạo ký → Trả kết quả → Hoàn thành.
    /// </summary>
    public static string Starter(string key, string name)
    {
        Node[] nodes =
        [
            new("StartEvent_1", "startEvent", "Nộp hồ sơ", 180, Event),
            new("Task_Reception", "userTask", "Tiếp nhận hồ sơ", 260, Task),
            new("Task_Specialist", "userTask", "Chuyên viên xử lý", 410, Task, ("os:deadline", "P2D"), ("os:calendar", "working")),
            new("Task_Head", "userTask", "Trưởng phòng duyệt", 560, Task, ("os:outcomes", "Chuyển tiếp,Trả lại")),
            new("Gateway_Head", "exclusiveGateway", "Kết quả duyệt?", 735, Gateway, ("default", "Flow_Forward")),
            new("Task_Leader", "userTask", "Lãnh đạo ký", 860, Task),
            new("Task_Return", "userTask", "Trả kết quả", 1010, Task),
            new("EndEvent_1", "endEvent", "Hoàn thành", 1160, Event),
        ];
        var byId = nodes.ToDictionary(n => n.Id);
        Flow Straight(string id, string source, string target, string? label = null) =>
            new(id, source, target, [(byId[source].X + byId[source].Size.Width, MidY), (byId[target].X, MidY)], label);
        int CenterX(Node n) => n.X + (n.Size.Width / 2);
        var specialist = byId["Task_Specialist"];
        var gateway = byId["Gateway_Head"];
        Flow[] flows =
        [
            Straight("Flow_1", "StartEvent_1", "Task_Reception"),
            Straight("Flow_2", "Task_Reception", "Task_Specialist"),
            Straight("Flow_3", "Task_Specialist", "Task_Head"),
            Straight("Flow_4", "Task_Head", "Gateway_Head"),
            Straight("Flow_Forward", "Gateway_Head", "Task_Leader", "Chuyển tiếp"),
            new("Flow_SendBack", "Gateway_Head", "Task_Specialist",
                [(CenterX(gateway), MidY + (Gateway.Height / 2)), (CenterX(gateway), MidY + 100), (CenterX(specialist), MidY + 100), (CenterX(specialist), MidY + (Task.Height / 2))],
                "Trả lại", "outcome == \"Trả lại\""),
            Straight("Flow_6", "Task_Leader", "Task_Return"),
            Straight("Flow_7", "Task_Return", "EndEvent_1"),
        ];
        return Definitions(key, name, nodes, flows);
    }

    private static string Definitions(string key, string name, Node[] nodes, Flow[] flows)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="Definitions_1" targetNamespace="http://onestop.gov.vn/bpmn" exporter="OneStop Designer" exporterVersion="1.0">
              <bpmn:process id="{Escape(key)}" name="{Escape(name)}" isExecutable="true">

            """);
        foreach (var node in nodes)
        {
            var attributes = string.Concat(node.Attributes.Select(a => $" {a.Name}=\"{Escape(a.Value)}\""));
            xml.Append(CultureInfo.InvariantCulture, $"    <bpmn:{node.Type} id=\"{node.Id}\" name=\"{Escape(node.Name)}\"{attributes}>\n");
            foreach (var flow in flows.Where(f => f.Target == node.Id))
            {
                xml.Append(CultureInfo.InvariantCulture, $"      <bpmn:incoming>{flow.Id}</bpmn:incoming>\n");
            }
            foreach (var flow in flows.Where(f => f.Source == node.Id))
            {
                xml.Append(CultureInfo.InvariantCulture, $"      <bpmn:outgoing>{flow.Id}</bpmn:outgoing>\n");
            }
            xml.Append(CultureInfo.InvariantCulture, $"    </bpmn:{node.Type}>\n");
        }
        foreach (var flow in flows)
        {
            var label = flow.Name is null ? "" : $" name=\"{Escape(flow.Name)}\"";
            xml.Append(CultureInfo.InvariantCulture, $"    <bpmn:sequenceFlow id=\"{flow.Id}\"{label} sourceRef=\"{flow.Source}\" targetRef=\"{flow.Target}\"");
            xml.Append(flow.Condition is null
                ? " />\n"
                : $">\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{Escape(flow.Condition)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n");
        }
        xml.Append(CultureInfo.InvariantCulture, $"  </bpmn:process>\n  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"{Escape(key)}\">\n");
        foreach (var node in nodes)
        {
            var y = MidY - (node.Size.Height / 2);
            var marker = node.Type == "exclusiveGateway" ? " isMarkerVisible=\"true\"" : "";
            xml.Append(CultureInfo.InvariantCulture, $"      <bpmndi:BPMNShape id=\"{node.Id}_di\" bpmnElement=\"{node.Id}\"{marker}>\n");
            xml.Append(CultureInfo.InvariantCulture, $"        <dc:Bounds x=\"{node.X}\" y=\"{y}\" width=\"{node.Size.Width}\" height=\"{node.Size.Height}\" />\n");
            if (node.Size != Task)
            {
                // Gateway labels go above: the send-back flow leaves through the bottom.
                var labelY = node.Size == Gateway ? y - 21 : y + node.Size.Height + 7;
                xml.Append(CultureInfo.InvariantCulture,
                    $"        <bpmndi:BPMNLabel>\n          <dc:Bounds x=\"{node.X - 22}\" y=\"{labelY}\" width=\"{node.Size.Width + 44}\" height=\"14\" />\n        </bpmndi:BPMNLabel>\n");
            }
            xml.Append("      </bpmndi:BPMNShape>\n");
        }
        foreach (var flow in flows)
        {
            xml.Append(CultureInfo.InvariantCulture, $"      <bpmndi:BPMNEdge id=\"{flow.Id}_di\" bpmnElement=\"{flow.Id}\">\n");
            foreach (var (x, y) in flow.Points)
            {
                xml.Append(CultureInfo.InvariantCulture, $"        <di:waypoint x=\"{x}\" y=\"{y}\" />\n");
            }
            if (flow.Name is not null)
            {
                var (labelX, labelY) = flow.Points.Length > 2
                    ? (((flow.Points[1].X + flow.Points[2].X) / 2) - 20, flow.Points[1].Y + 4)
                    : (flow.Points[0].X + 4, MidY - 22);
                xml.Append(CultureInfo.InvariantCulture,
                    $"        <bpmndi:BPMNLabel>\n          <dc:Bounds x=\"{labelX}\" y=\"{labelY}\" width=\"68\" height=\"14\" />\n        </bpmndi:BPMNLabel>\n");
            }
            xml.Append("      </bpmndi:BPMNEdge>\n");
        }
        xml.Append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
        return xml.ToString();
    }

    private static string Escape(string value) => SecurityElement.Escape(value);
}
