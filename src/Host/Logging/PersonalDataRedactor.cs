using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace OneStop.Host.Logging;

/// <summary>
/// A last line of defence: masks e-mail addresses, Vietnamese phone numbers and ID numbers (CMND 9 digits,
/// CCCD 12 digits) in every string property before an event reaches a sink. Code must still never log them.
/// </summary>
public sealed partial class PersonalDataRedactor : ILogEventEnricher
{
    public const string Mask = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, redacted));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The text with personal data masked; the same instance when nothing was found.</summary>
    public static string Redact(string text)
    {
        var result = EmailPattern().Replace(text, Mask);
        result = PhonePattern().Replace(result, Mask);
        return IdNumberPattern().Replace(result, Mask);
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Redact(text) is var masked && masked != text => new ScalarValue(masked),
        SequenceValue sequence when sequence.Elements.Select(Redact).ToList() is var items
            && !items.SequenceEqual(sequence.Elements) => new SequenceValue(items),
        StructureValue structure when structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList() is var props
            && !props.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value)) => new StructureValue(props, structure.TypeTag),
        _ => value,
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // 0xxxxxxxxx or +84xxxxxxxxx, with optional spaces or dots between groups.
    [GeneratedRegex(@"(?<!\d)(?:\+84|0)(?:[\s.]?\d){9}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\d.])(?:\d{12}|\d{9})(?![\d.])")]
    private static partial Regex IdNumberPattern();
}
