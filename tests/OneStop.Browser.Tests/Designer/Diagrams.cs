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

    /// <summary>Start → service task with <paramref name="handler"/> → user task "Task_Check" → end, on one row.</summary>
    public static string WithServiceTask(string key, string handler) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="Definitions_{key}" targetNamespace="http://onestop.gov.vn/bpmn">
          <bpmn:process id="{key}" name="Gửi sang cơ quan khác" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_Send" name="Gửi hồ sơ liên thông" os:handler="{handler}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:userTask id="Task_Check" name="Kiểm tra kết quả" os:department="{JusticeAdministration}"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Send" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Send" targetRef="Task_Check" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Check" targetRef="End" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_1">
            <bpmndi:BPMNPlane id="Plane_1" bpmnElement="{key}">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Send_di" bpmnElement="Task_Send"><dc:Bounds x="190" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Check_di" bpmnElement="Task_Check"><dc:Bounds x="350" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="510" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="136" y="120" /><di:waypoint x="190" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="290" y="120" /><di:waypoint x="350" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3"><di:waypoint x="450" y="120" /><di:waypoint x="510" y="120" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
