using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Notices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OneStop.Host.Features.Notifications;

/// <summary>
/// Renders notification texts: <c>templates/sms/&lt;kind&gt;.sbn</c> (plain text, Vietnamese), and the e-mail from
/// <c>templates/email/subject.sbn</c> and <c>templates/email/body.sbn</c> (HTML; every value HTML-escaped). Files are read
/// at each rendering, so a fixed template reaches queued messages. Sandboxed like the notices: the model as plain values,
/// no include, no .NET members, bounded loops, output and time; an undefined variable is an error. Every problem throws
/// <see cref="NoticeTemplateException"/> with file, line and column — never a half-filled text.
/// </summary>
public sealed class NotificationTemplates
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly SmsSettings sms;

    public NotificationTemplates(IOptions<NotificationOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        sms = options.Value.Sms;
        Folder = options.Value.TemplatesPath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.GetDirectoryName(TemplateFolders.Resolve(configuration, environment.ContentRootPath, "Notifications:TemplatesPath", "sms"))!;
    }

    /// <summary>The <c>templates</c> folder holding <c>sms/</c> and <c>email/</c>.</summary>
    public string Folder { get; }

    /// <summary>The SMS text: rendered, on one line, without diacritics when configured, cut to the maximum length.</summary>
    public async Task<string> SmsAsync(string kind, string model, CancellationToken cancellationToken)
    {
        var text = OneLine(await RenderAsync(kind, Path.Combine("sms", kind + ".sbn"), Globals(model), html: false, cancellationToken));
        if (sms.StripDiacritics)
        {
            text = StripDiacritics(text);
        }

        return text.Length <= sms.MaxLength ? text : string.Concat(text.AsSpan(0, Math.Max(0, sms.MaxLength - 3)).TrimEnd(), "...");
    }

    /// <summary>The e-mail's subject (plain) and HTML body; the body shows the kind's text as its message.</summary>
    public async Task<(string Subject, string Html)> EmailAsync(string kind, string model, CancellationToken cancellationToken)
    {
        var globals = Globals(model);
        globals["message"] = OneLine(await RenderAsync(kind, Path.Combine("sms", kind + ".sbn"), Globals(model), html: false, cancellationToken));
        var subject = OneLine(await RenderAsync(kind, Path.Combine("email", "subject.sbn"), globals, html: false, cancellationToken));
        var body = await RenderAsync(kind, Path.Combine("email", "body.sbn"), globals, html: true, cancellationToken);
        return (subject, body);
    }

    /// <summary>Vietnamese without its marks: "Được tiếp nhận" → "Duoc tiep nhan".</summary>
    public static string StripDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private async Task<string> RenderAsync(string kind, string relative, ScriptObject globals, bool html, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Folder, relative);
        var shown = relative.Replace('\\', '/');
        if (!File.Exists(file))
        {
            throw new NoticeTemplateException(NoticeTemplateException.ParseErrorId, [new NoticeProblem(kind, shown, 1, 1, "template file not found")]);
        }

        var template = NoticeRenderer.Parse(kind, shown, await File.ReadAllTextAsync(file, cancellationToken));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var context = html ? new HtmlContext() : new TemplateContext();
        context.TemplateLoader = null;
        context.MemberFilter = _ => false;
        context.LoopLimit = 1000;
        context.RecursiveLimit = 20;
        context.OutputLimit = 200_000;
        context.LimitToString = 200_000;
        context.RegexTimeOut = TimeSpan.FromMilliseconds(200);
        context.CancellationToken = timeout.Token;
        context.StrictVariables = true;
        context.PushGlobal(Functions());
        context.PushGlobal(globals);
        try
        {
            return await template.RenderAsync(context) ?? "";
        }
        catch (ScriptRuntimeException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NoticeTemplateException(NoticeTemplateException.RenderErrorId, [Problem(kind, shown, ex.Span, ex.OriginalMessage)], ex);
        }
        catch (Exception ex) when (ex is not NoticeTemplateException && !cancellationToken.IsCancellationRequested)
        {
            throw new NoticeTemplateException(NoticeTemplateException.RenderErrorId,
                [Problem(kind, shown, context.CurrentNode?.Span ?? default, ex.Message)], ex);
        }
    }

    private static NoticeProblem Problem(string kind, string file, SourceSpan span, string message) =>
        new(kind, file, span.Start.Line + 1, span.Start.Column + 1, message);

    private static ScriptObject Functions()
    {
        var functions = new ScriptObject();
        functions.Import("json", new Func<object?, string>(v => JsonSerializer.Serialize(v?.ToString())));
        return functions;
    }

    /// <summary>The frozen model as template variables: strings, numbers and booleans only.</summary>
    internal static ScriptObject Globals(string model)
    {
        var globals = new ScriptObject();
        using var document = JsonDocument.Parse(model);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            globals[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number when property.Value.TryGetInt64(out var number) => number,
                JsonValueKind.Number => property.Value.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        return globals;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Escapes every value written into the e-mail's HTML, so a name like "A &lt;b&gt;" arrives as text.</summary>
    private sealed class HtmlContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
            textAsObject is null ? this : Write(Escape(ObjectToString(textAsObject) ?? ""));

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
            textAsObject is null ? ValueTask.FromResult<TemplateContext>(this) : WriteAsync(Escape(ObjectToString(textAsObject) ?? ""));

        private static string Escape(string text) =>
            text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
                .Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
