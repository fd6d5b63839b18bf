using OneStop.Workflows.Model;
using OneStop.Workflows.Reading;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Reading;

public sealed class ReaderTests
{
    private const string Foreign = """
        <?xml version="1.0" encoding="UTF-8"?>
        <b:definitions xmlns:b="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:o="http://onestop.gov.vn/schema/bpmn/os"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d" targetNamespace="t">
          <b:collaboration id="c"><b:participant id="pool" processRef="p" /></b:collaboration>
          <b:process id="p" name="Cấp phép" isExecutable="true" camunda:historyTimeToLive="30">
            <b:laneSet><b:lane id="lane1"><b:flowNodeRef>review</b:flowNodeRef></b:lane></b:laneSet>
            <b:startEvent id="start"><b:extensionElements><zeebe:properties /></b:extensionElements></b:startEvent>
            <b:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <b:userTask id="review" camunda:assignee="x" o:department="VP" o:role="head" o:assignee="leader" o:deadline="P0.5D"
                o:calendar="working" o:status="ChoDuyet" o:outcomes="approve;reject" o:notice="MAU02" />
            <b:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <b:endEvent id="end" />
          </b:process>
          <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="c" /></bpmndi:BPMNDiagram>
        </b:definitions>
        """;

    [Fact]
    public void Reads_any_prefix_ignores_foreign_extensions_and_keeps_the_original_xml()
    {
        var read = BpmnReader.Read(Foreign);
        Assert.Empty(read.Problems);
        var model = read.Model!;
        Assert.Equal(Foreign, model.Xml);
        Assert.Equal("p", model.Participants["pool"]);
        var process = Assert.Single(model.Processes);
        Assert.Equal(("p", "Cấp phép", true), (process.Id, process.Name, process.IsExecutable));
        Assert.Equal(["start", "review", "end"], process.Scope.Nodes.Select(n => n.Id));
        var review = process.GetNode("review");
        Assert.Equal(new SourcePosition(10, 6), review.Position);
        Assert.Equal(("VP", "head", "leader", "P0.5D", "working", "ChoDuyet", "MAU02"),
            (review.Os.Department, review.Os.Role, review.Os.Assignee, review.Os.Deadline, review.Os.Calendar, review.Os.Status, review.Os.Notice));
        Assert.Equal(["approve", "reject"], review.Os.Outcomes);
        Assert.Empty(BpmnValidator.Validate(model, _ => true));
    }

    [Fact]
    public void Honours_the_declared_encoding_of_a_file()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" name="Café"><startEvent id="s"/></process></definitions>
            """);
        var model = BpmnReader.Read(latin1).Model!;
        Assert.Equal("Café", model.Processes[0].Name);
        Assert.Contains("Café", model.Xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<root/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>")]
    public void Unusable_documents_become_a_problem_not_an_exception(string xml)
    {
        var read = BpmnReader.Read(xml);
        Assert.Null(read.Model);
        Assert.Equal(ProblemCodes.NotBpmn, Assert.Single(read.Problems).Code);
    }
}
