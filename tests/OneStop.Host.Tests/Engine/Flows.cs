namespace OneStop.Host.Tests.Engine;

/// <summary>Small procedure flows for the durable-engine tests.</summary>
internal static class Flows
{
    /// <summary>A review task whose interrupting boundary timer escalates after <paramref name="deadline"/>.</summary>
    public static string ReviewWithDeadline(string key, string deadline) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="d" targetNamespace="urn:onestop:test">
          <process id="{key}" name="Thẩm định có hạn" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" name="Thẩm định hồ sơ" os:department="000.00.03.H56/HCTP" os:outcomes="Chuyển tiếp,Trả lại" />
            <boundaryEvent id="late" attachedToRef="review"><timerEventDefinition><timeDuration>{deadline}</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="review" targetRef="done" />
            <sequenceFlow id="f3" sourceRef="late" targetRef="escalate" />
            <userTask id="escalate" name="Lãnh đạo xử lý quá hạn" os:department="000.00.03.H56/BGD" />
            <sequenceFlow id="f4" sourceRef="escalate" targetRef="done" />
            <endEvent id="done" />
          </process>
        </definitions>
        """;

    /// <summary>Waits for a payment message keyed by the dossier code, then ends.</summary>
    public static string AwaitPayment(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:os="http://onestop.gov.vn/schema/bpmn/os" id="d" targetNamespace="urn:onestop:test">
          <message id="mPay" name="payment" />
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="pay" />
            <receiveTask id="pay" name="Chờ nộp phí" messageRef="mPay" os:correlationKey="dossier" />
            <sequenceFlow id="f2" sourceRef="pay" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """;

    /// <summary><paramref name="branches"/> parallel timers, each waiting its own duration, then a join.</summary>
    public static string ParallelTimers(string key, IReadOnlyList<string> durations)
    {
        var branches = string.Concat(durations.Select((d, i) => $"""
                <sequenceFlow id="in{i}" sourceRef="fork" targetRef="wait{i}" />
                <intermediateCatchEvent id="wait{i}"><timerEventDefinition><timeDuration>{d}</timeDuration></timerEventDefinition></intermediateCatchEvent>
                <sequenceFlow id="out{i}" sourceRef="wait{i}" targetRef="join" />
            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:onestop:test">
              <process id="{key}" isExecutable="true">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
                <parallelGateway id="fork" />
                {branches}
                <parallelGateway id="join" />
                <sequenceFlow id="f2" sourceRef="join" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;
    }
}
