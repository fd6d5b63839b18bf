namespace OneStop.Workflows.Model;

/// <summary>XML namespaces the reader understands.</summary>
public static class BpmnNamespaces
{
    /// <summary>The OMG BPMN 2.0 semantic model namespace (any prefix).</summary>
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>OneStop's own extension namespace, written with the prefix <c>os</c>.</summary>
    public const string OneStop = "http://onestop.gov.vn/schema/bpmn/os";

    /// <summary>XML Schema instance namespace (used for <c>xsi:type</c> on expressions).</summary>
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
}
