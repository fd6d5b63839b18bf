using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OneStop.Workflows.Expressions;

/// <summary>Sandbox limits for expressions and scripts.</summary>
public sealed record ExpressionLimits
{
    /// <summary>Default limits.</summary>
    public static readonly ExpressionLimits Default = new();

    /// <summary>Maximum iterations of one loop (default 10,000).</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>Maximum depth of function recursion (default 50).</summary>
    public int RecursionLimit { get; init; } = 50;

    /// <summary>Wall-clock budget for one evaluation (default 1 second).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Maximum length of a produced string (default 100,000 characters).</summary>
    public int StringLimit { get; init; } = 100_000;
}

/// <summary>
/// Evaluates Scriban expressions and scripts over JSON variables in a sandbox: only the variables and Scriban's
/// built-in functions are visible (no .NET member access), with loop, recursion, string and time limits.
/// </summary>
public sealed class ExpressionEvaluator
{
    private static readonly LexerOptions ScriptOnly = new() { Mode = ScriptMode.ScriptOnly };
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);
    private readonly ExpressionLimits _limits;
    private const string GlobalsTag = "onestop.globals";

    /// <summary>Creates an evaluator with the given limits.</summary>
    public ExpressionEvaluator(ExpressionLimits? limits = null) => _limits = limits ?? ExpressionLimits.Default;

    /// <summary>
    /// Strips the wrappers other tools put around expressions: <c>${…}</c>, <c>#{…}</c>, <c>{{…}}</c> and a leading
    /// <c>=</c>. A JUEL expression (<c>${…}</c>, <c>#{…}</c>) also has its word operators (<c>and or not gt lt ge le eq
    /// ne div mod empty</c>) turned into Scriban's; a FEEL expression (leading <c>=</c>) its <c>and or not</c> and its
    /// single <c>=</c> comparison. String literals are left alone.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (dialect, body) = Unwrap(text);
        return dialect is { } d ? ForeignExpressions.Translate(body, d) : body;
    }

    // The expression inside its wrapper, and the dialect the wrapper announces (null: Scriban).
    private static (ForeignExpressions.Dialect? Dialect, string Body) Unwrap(string text)
    {
        var t = text.Trim();
        if ((t.StartsWith("${", StringComparison.Ordinal) || t.StartsWith("#{", StringComparison.Ordinal)) && t.EndsWith('}'))
        {
            return (ForeignExpressions.Dialect.Juel, t[2..^1].Trim());
        }
        if (t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal))
        {
            return (null, t[2..^2].Trim());
        }
        if (t.StartsWith('=') && !t.StartsWith("==", StringComparison.Ordinal))
        {
            return (ForeignExpressions.Dialect.Feel, t[1..].Trim());
        }
        return (null, t);
    }

    /// <summary>Checks that an expression or script parses; returns the parser message otherwise.</summary>
    public static string? SyntaxError(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Unwrap(text) is ({ } dialect, var body) && ForeignExpressions.Unsupported(body, dialect) is { } reason)
        {
            return $"{reason}; write the condition in Scriban.";
        }
        var template = Template.Parse(Normalize(text), lexerOptions: ScriptOnly)!;
        return template.HasErrors ? string.Join("; ", template.Messages.Select(m => m.Message)) : null;
    }

    /// <summary>Evaluates an expression to a JSON value.</summary>
    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
        => ScriptValues.ToJson(Run(expression, variables, out _));

    /// <summary>Evaluates a condition; Scriban truthiness (null and false are false).</summary>
    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var result = Run(expression, variables, out var context);
        return context.ToBool(default, result);
    }

    /// <summary>Evaluates an expression to text (null stays null).</summary>
    public string? EvaluateString(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var result = Run(expression, variables, out var context);
        return result is null ? null : context.ObjectToString(result);
    }

    /// <summary>Runs a script and returns the variables it assigned or changed.</summary>
    public IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        Run(script, variables, out var context);
        var globals = (ScriptObject)context.Tags[GlobalsTag]!;
        var changes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in globals.Keys)
        {
            var after = ScriptValues.ToJson(globals[name]);
            if (!variables.TryGetValue(name, out var before) || !JsonNode.DeepEquals(before, after))
            {
                changes[name] = after;
            }
        }
        return changes;
    }

    private object? Run(string text, IReadOnlyDictionary<string, JsonNode?> variables, out TemplateContext context)
    {
        var template = _cache.GetOrAdd(text, static t => Template.Parse(Normalize(t), lexerOptions: ScriptOnly)!);
        if (template.HasErrors)
        {
            throw new ExpressionException($"Expression '{text}' does not parse: {string.Join("; ", template.Messages.Select(m => m.Message))}");
        }
        var globals = new ScriptObject(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            globals[name] = ScriptValues.ToScript(value);
        }
        using var timeout = new CancellationTokenSource(_limits.TimeLimit);
        context = new TemplateContext(StringComparer.Ordinal)
        {
            LoopLimit = _limits.LoopLimit,
            LoopLimitQueryable = _limits.LoopLimit,
            RecursiveLimit = _limits.RecursionLimit,
            LimitToString = _limits.StringLimit,
            OutputLimit = _limits.StringLimit,
            ObjectRecursionLimit = 20,
            RegexTimeOut = _limits.TimeLimit,
            EnableRelaxedMemberAccess = true,
            EnableRelaxedTargetAccess = true,
            EnableNullIndexer = true,
            StrictVariables = false,
            // No .NET members: scripts see only the JSON values and Scriban's built-ins.
            MemberFilter = static _ => false,
            TemplateLoader = null,
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        context.Tags[GlobalsTag] = globals;
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return template.Evaluate(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ExpressionException($"Expression '{text}' failed: {ex.OriginalMessage}", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new ExpressionException($"Expression '{text}' exceeded the time limit of {_limits.TimeLimit.TotalSeconds:0.##} s.", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionException($"Expression '{text}' failed: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new ExpressionException($"Expression '{text}' failed: {ex.Message}", ex);
        }
    }
}
