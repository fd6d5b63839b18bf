using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OneStop.Host.Features.Notices;

/// <summary>Limits of one rendering; templates are data an admin may edit, so none of them is unbounded.</summary>
public sealed record NoticeRenderLimits
{
    /// <summary>Wall-clock time for the header, the form and the layout together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Loop iterations in one nested loop tree; a year's ledger of one centre is ~17,000 rows.</summary>
    public int LoopLimit { get; init; } = 50_000;

    /// <summary>Depth of calls to template-defined functions.</summary>
    public int RecursionLimit { get; init; } = 20;

    /// <summary>Characters of output (a ledger page set is a few MB at most).</summary>
    public int OutputLimit { get; init; } = 20_000_000;
}

/// <summary>
/// Renders a notice: the form's template, with the common header partial, inside the layout, to printable HTML.
/// Sandboxed: templates see the model as plain ScriptObject values and the helper functions, nothing else — no
/// include (no template loader), no reflection over .NET objects, bounded loops, recursion, output and time.
/// Values are HTML-escaped on output; only the helpers' SVG is written raw.
/// </summary>
public sealed class NoticeRenderer(NoticeLibrary library, NoticeRenderLimits? limits = null)
{
    private readonly NoticeRenderLimits limits = limits ?? new NoticeRenderLimits();

    public NoticeLibrary Library { get; } = library;

    /// <summary>Renders the manifest template <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such template.</exception>
    /// <exception cref="NoticeTemplateException">The template does not parse or fails.</exception>
    public Task<string> RenderAsync(string code, NoticeModel model, CancellationToken cancellationToken = default) =>
        RenderAsync(Library.Find(code) ?? throw new KeyNotFoundException($"No notice template {code}."), model, source: null, cancellationToken);

    /// <summary>
    /// Renders <paramref name="template"/>; <paramref name="source"/>, when given, replaces its file (an admin's
    /// override being previewed). Never returns a partial page: every problem throws <see cref="NoticeTemplateException"/>.
    /// </summary>
    public async Task<string> RenderAsync(NoticeTemplateInfo template, NoticeModel model, string? source, CancellationToken cancellationToken = default)
    {
        var form = source is null ? Library.Parse(template.Code, template.Template) : Parse(template.Code, template.Template, source);
        var header = Library.Parse(template.Code, Library.Manifest.Header);
        var layout = Library.Parse(template.Code, Library.Manifest.Layout);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var context = NewContext(timeout.Token);
        var globals = ToScriptObject(model);
        globals["template"] = ToScript(JsonSerializer.SerializeToNode(template, NoticeManifest.Json));
        context.PushGlobal(NoticeFunctions.Create());
        context.PushGlobal(globals);

        globals["common_header"] = new RawHtml(await RunAsync(template.Code, header, context, cancellationToken));
        globals["content"] = new RawHtml(await RunAsync(template.Code, form, context, cancellationToken));
        return await RunAsync(template.Code, layout, context, cancellationToken);
    }

    /// <summary>Parses a template, reporting every syntax error with its line and column.</summary>
    internal static Template Parse(string code, string file, string source)
    {
        var parsed = Template.Parse(source, file);
        if (parsed.HasErrors)
        {
            throw new NoticeTemplateException(NoticeTemplateException.ParseErrorId,
                [.. parsed.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => Problem(code, file, m.Span, m.Message))]);
        }

        return parsed;
    }

    /// <summary>The model as templates see it: snake_case keys, strings, numbers, booleans, lists — no CLR objects.</summary>
    internal static ScriptObject ToScriptObject(NoticeModel model) =>
        (ScriptObject)ToScript(JsonSerializer.SerializeToNode(model, NoticeManifest.Json))!;

    private HtmlTemplateContext NewContext(CancellationToken token) => new()
    {
        // No loader: `include` fails with a runtime error instead of reading files.
        TemplateLoader = null,
        // Belt and braces: even a CLR value that reaches a template shows none of its members.
        MemberFilter = _ => false,
        LoopLimit = limits.LoopLimit,
        LoopLimitQueryable = limits.LoopLimit,
        RecursiveLimit = limits.RecursionLimit,
        OutputLimit = limits.OutputLimit,
        LimitToString = limits.OutputLimit,
        RegexTimeOut = TimeSpan.FromMilliseconds(200),
        CancellationToken = token,
        StrictVariables = false,
        EnableRelaxedMemberAccess = true,
    };

    private async Task<string> RunAsync(string code, Template template, TemplateContext context, CancellationToken callerToken)
    {
        var file = template.SourceFilePath ?? code;
        try
        {
            return await template.RenderAsync(context) ?? "";
        }
        catch (ScriptRuntimeException ex) when (!callerToken.IsCancellationRequested)
        {
            var message = context.CancellationToken.IsCancellationRequested ? $"stopped after {limits.Timeout.TotalSeconds:0.#} s ({ex.OriginalMessage})" : ex.OriginalMessage;
            throw new NoticeTemplateException(NoticeTemplateException.RenderErrorId, [Problem(code, ex.Span.FileName ?? file, ex.Span, message)], ex);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            var where = context.CurrentNode?.Span ?? default;
            throw new NoticeTemplateException(NoticeTemplateException.RenderErrorId,
                [Problem(code, file, where, $"stopped after {limits.Timeout.TotalSeconds:0.#} s")], ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NoticeTemplateException)
        {
            // Whatever else a template provokes still becomes a located problem, never a half-written page.
            var where = context.CurrentNode?.Span ?? default;
            throw new NoticeTemplateException(NoticeTemplateException.RenderErrorId, [Problem(code, file, where, ex.Message)], ex);
        }
    }

    private static NoticeProblem Problem(string code, string file, SourceSpan span, string message) =>
        new(code, string.IsNullOrEmpty(span.FileName) ? file : span.FileName, span.Start.Line + 1, span.Start.Column + 1, message);

    private static object? ToScript(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToObject(o),
        JsonArray a => ToArray(a),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<long>(out var integer) => integer,
        _ => node.GetValue<decimal>(),
    };

    private static ScriptObject ToObject(JsonObject json)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in json)
        {
            result[key] = ToScript(value);
        }

        return result;
    }

    private static ScriptArray ToArray(JsonArray json)
    {
        var result = new ScriptArray(json.Count);
        foreach (var item in json)
        {
            result.Add(ToScript(item));
        }

        return result;
    }

    /// <summary>Markup made by the renderer or a helper (the header, the form, an SVG): written as is.</summary>
    internal sealed record RawHtml(string Html)
    {
        public override string ToString() => Html;
    }

    /// <summary>Escapes every value a template writes, so a name like "A &lt;b&gt;" prints as text, never as markup.</summary>
    private sealed class HtmlTemplateContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
        {
            null => this,
            RawHtml raw => Write(raw.Html),
            _ => Write(Escape(ObjectToString(textAsObject) ?? "")),
        };

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => textAsObject switch
        {
            null => ValueTask.FromResult<TemplateContext>(this),
            RawHtml raw => WriteAsync(raw.Html),
            _ => WriteAsync(Escape(ObjectToString(textAsObject) ?? "")),
        };

        private static string Escape(string text) =>
            text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
                .Replace("'", "&#39;", StringComparison.Ordinal);
    }
}
