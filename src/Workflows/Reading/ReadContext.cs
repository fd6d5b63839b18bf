using System.Xml.Linq;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Reading;

/// <summary>Document-wide lookups (messages, errors, escalations) and the problems found while reading.</summary>
internal sealed class ReadContext
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _escalations = new(StringComparer.Ordinal);

    public ReadContext(XElement root)
    {
        foreach (var message in root.Elements(Bpmn + "message"))
        {
            if ((string?)message.Attribute("id") is { } id)
            {
                _messages[id] = (string?)message.Attribute("name") ?? id;
            }
        }
        foreach (var error in root.Elements(Bpmn + "error"))
        {
            if ((string?)error.Attribute("id") is { } id)
            {
                _errors[id] = BpmnReader.NonEmpty((string?)error.Attribute("errorCode")) ?? id;
            }
        }
        foreach (var escalation in root.Elements(Bpmn + "escalation"))
        {
            if ((string?)escalation.Attribute("id") is { } id)
            {
                _escalations[id] = BpmnReader.NonEmpty((string?)escalation.Attribute("escalationCode")) ?? id;
            }
        }
    }

    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>For the process being read: the <c>os:department</c> of the nearest lane holding each flow node.</summary>
    public IReadOnlyDictionary<string, string> LaneDepartments { get; set; } = new Dictionary<string, string>();

    public string MessageName(string reference) => _messages.GetValueOrDefault(BpmnReader.LocalRef(reference)) ?? BpmnReader.LocalRef(reference);

    public string? ErrorCode(string reference) => _errors.GetValueOrDefault(BpmnReader.LocalRef(reference));

    public string? EscalationCode(string reference) => _escalations.GetValueOrDefault(BpmnReader.LocalRef(reference));
}
