using System.Globalization;
using System.Text;

namespace OneStop.Browser.Tests.Designer;

/// <summary>BPMN documents with diagram layout for the designer tests.</summary>
internal static class Diagrams
{
    public const string JusticeAdministration = "000.00.03.H56/HCTP";

    /// <summary>
    /// Start → <paramref name="tasks"/> user tasks of the Justice department (2 working days each) → end, laid out in rows of
    /// ten: 2 + tasks nodes and tasks + 1 flows.
    /// </summary>
    public static string Linear(string key, int tasks)
    {
        var nodes = new List<(string Id, string Type, string Name, int Width, int Height)> { ("Start", "startEvent", "Nộp hồ sơ", 36, 36) };
        for (var i = 1; i <= tasks; i++)
        {
            nodes.Add(($"Task_{i}", "userTask", $"Bước {i}", 100, 80));
        }
        nodes.Add(("End", "endEvent", "Hoàn thành", 36, 36));

        var process = new StringBuilder();
        var shapes = new StringBuilder();
        var edges = new StringBuilder();
        var centers = new List<(int X, int Y)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var (id, type, name, width, height) = nodes[i];
            var attributes = type == "userTask" ? $" os:department=\"{JusticeAdministration}\" os:deadline=\"P2D\" os:calendar=\"working\"" : "";
            var incoming = i > 0 ? $"<bpmn:incoming>Flow_{i}</bpmn:incoming>" : "";
            var outgoing = i < nodes.Count - 1 ? $"<bpmn:outgoing>Flow_{i + 1}</bpmn:outgoing>" : "";
            process.Append(CultureInfo.InvariantCulture, $"    <bpmn:{type} id=\"{id}\" name=\"{name}\"{attributes}>{incoming}{outgoing}</bpmn:{type}>\n");
            var (cx, cy) = (150 + (i % 10 * 160), 120 + (i / 10 * 160));
            centers.Add((cx, cy));
            shapes.Append(CultureInfo.InvariantCulture,
                $"      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"><dc:Bounds x=\"{cx - (width / 2)}\" y=\"{cy - (height / 2)}\" width=\"{width}\" height=\"{height}\" /></bpmndi:BPMNShape>\n");
        }
        for (var i = 1; i < nodes.Count; i++)
        {
            process.Append(CultureInfo.InvariantCulture, $"    <bpmn:sequenceFlow id=\"Flow_{i}\" sourceRef=\"{nodes[i - 1].Id}\" targetRef=\"{nodes[i].Id}\" />\n");
            var (from, to) = (centers[i - 1], centers[i]);
            edges.Append(CultureInfo.InvariantCulture,
                $"      <bpmndi:BPMNEdge id=\"Flow_{i}_di\" bpmnElement=\"Flow_{i}\"><di:waypoint x=\"{from.X}\" y=\"{from.Y}\" /><di:waypoint x=\"{to.X}\" y=\"{to.Y}\" /></bpmndi:BPMNEdge>\n");
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="Definitions_{key}" targetNamespace="http://onestop.gov.vn/bpmn">
              <bpmn:process id="{key}" name="Quy trình {key}" isExecutable="true">
            {process}  </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_1">
                <bpmndi:BPMNPlane id="Plane_1" bpmnElement="{key}">
            {shapes}{edges}    </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }
}
