namespace OneStop.Workflows.Model;

/// <summary>The kinds of flow node the engine knows. Names match the BPMN XML local names.</summary>
public enum ElementKind
{
    /// <summary>A <c>startEvent</c>.</summary>
    StartEvent,
    /// <summary>An <c>endEvent</c>.</summary>
    EndEvent,
    /// <summary>An <c>intermediateCatchEvent</c>.</summary>
    IntermediateCatchEvent,
    /// <summary>An <c>intermediateThrowEvent</c>.</summary>
    IntermediateThrowEvent,
    /// <summary>A <c>boundaryEvent</c>.</summary>
    BoundaryEvent,
    /// <summary>An abstract <c>task</c>.</summary>
    Task,
    /// <summary>A <c>userTask</c>.</summary>
    UserTask,
    /// <summary>A <c>manualTask</c>.</summary>
    ManualTask,
    /// <summary>A <c>serviceTask</c>.</summary>
    ServiceTask,
    /// <summary>A <c>sendTask</c>.</summary>
    SendTask,
    /// <summary>A <c>receiveTask</c>.</summary>
    ReceiveTask,
    /// <summary>A <c>scriptTask</c>.</summary>
    ScriptTask,
    /// <summary>A <c>businessRuleTask</c> (run like a service task).</summary>
    BusinessRuleTask,
    /// <summary>An embedded or event <c>subProcess</c>.</summary>
    SubProcess,
    /// <summary>A <c>callActivity</c>.</summary>
    CallActivity,
    /// <summary>An <c>exclusiveGateway</c>.</summary>
    ExclusiveGateway,
    /// <summary>A <c>parallelGateway</c>.</summary>
    ParallelGateway,
    /// <summary>An <c>inclusiveGateway</c>.</summary>
    InclusiveGateway,
    /// <summary>An <c>eventBasedGateway</c>.</summary>
    EventBasedGateway,
    /// <summary>A flow node the engine does not execute (reported by validation).</summary>
    Unsupported,
}

/// <summary>The trigger or result of an event.</summary>
public enum EventTrigger
{
    /// <summary>No event definition.</summary>
    None,
    /// <summary><c>messageEventDefinition</c>.</summary>
    Message,
    /// <summary><c>timerEventDefinition</c>.</summary>
    Timer,
    /// <summary><c>errorEventDefinition</c>.</summary>
    Error,
    /// <summary><c>escalationEventDefinition</c>.</summary>
    Escalation,
    /// <summary><c>terminateEventDefinition</c>.</summary>
    Terminate,
    /// <summary><c>linkEventDefinition</c>.</summary>
    Link,
    /// <summary>A definition the engine does not support (signal, conditional, compensation, cancel, multiple).</summary>
    Unsupported,
}

/// <summary>How a timer event is specified.</summary>
public enum TimerKind
{
    /// <summary><c>timeDuration</c>: once, after a duration.</summary>
    Duration,
    /// <summary><c>timeDate</c>: once, at an instant.</summary>
    Date,
    /// <summary><c>timeCycle</c>: repeating, e.g. <c>R3/PT10H</c>.</summary>
    Cycle,
}
