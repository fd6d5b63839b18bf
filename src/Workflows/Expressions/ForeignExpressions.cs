using System.Text;

namespace OneStop.Workflows.Expressions;

/// <summary>
/// Rewrites the simple comparisons other engines write (JUEL in Camunda 7 / Flowable, FEEL in Camunda 8) into Scriban.
/// Only operators are rewritten; method calls, FEEL ranges, <c>in</c> lists and the like stay as they are and then
/// fail to parse or evaluate (a validation problem or an incident, never a crash).
/// </summary>
internal static class ForeignExpressions
{
    public enum Dialect
    {
        Juel,
        Feel,
    }

    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["and"] = "&&",
        ["or"] = "||",
        ["not"] = "!",
    };

    private static readonly Dictionary<string, string> JuelOnly = new(StringComparer.Ordinal)
    {
        ["gt"] = ">",
        ["lt"] = "<",
        ["ge"] = ">=",
        ["le"] = "<=",
        ["eq"] = "==",
        ["ne"] = "!=",
        ["div"] = "/",
        ["mod"] = "%",
    };

    // FEEL constructs with no Scriban counterpart; refused at validation rather than mis-read.
    private static readonly HashSet<string> FeelUnsupported = new(StringComparer.Ordinal)
    {
        "some", "every", "satisfies", "in", "between", "instance", "for", "return", "function",
    };

    /// <summary>
    /// Why the expression cannot be carried over, or null: a FEEL keyword without Scriban counterpart, or two names
    /// in a row (a FEEL name with spaces, which Scriban would read as a function call).
    /// </summary>
    public static string? Unsupported(string text, Dialect dialect)
    {
        var previousWasName = false;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = EndOfString(text, i);
                previousWasName = false;
                continue;
            }
            if (!(char.IsLetter(c) || c == '_'))
            {
                previousWasName &= char.IsWhiteSpace(c);
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
            {
                i++;
            }
            var word = text[start..i];
            if (dialect == Dialect.Feel && FeelUnsupported.Contains(word))
            {
                return $"FEEL '{word}' expressions are not supported";
            }
            var isOperator = Common.ContainsKey(word) || (dialect == Dialect.Juel && (JuelOnly.ContainsKey(word) || word == "empty"));
            if (previousWasName && !isOperator)
            {
                return $"'{word}' follows another name (names with spaces and function calls without parentheses are not supported)";
            }
            previousWasName = !isOperator;
        }
        return null;
    }

    public static string Translate(string text, Dialect dialect)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = EndOfString(text, i);
                result.Append(text, i, end - i);
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                var word = text[start..i];
                var isMember = start > 0 && text[start - 1] == '.';
                if (isMember)
                {
                    result.Append(word);
                }
                else if (Common.TryGetValue(word, out var op) || (dialect == Dialect.Juel && JuelOnly.TryGetValue(word, out op)))
                {
                    result.Append(op);
                }
                else if (dialect == Dialect.Juel && word == "empty" && ReadOperand(text, ref i) is { } operand)
                {
                    // JUEL's prefix "empty x": null, an empty string or an empty list.
                    result.Append('(').Append(operand).Append(" == null || ").Append(operand).Append(" == empty)");
                }
                else
                {
                    result.Append(word);
                }
            }
            else if (dialect == Dialect.Feel && c == '=' && !IsPartOfOperator(text, i))
            {
                // FEEL compares with a single '='; in Scriban that would assign.
                result.Append("==");
                i++;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }

    private static int EndOfString(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
        }
        return text.Length;
    }

    private static bool IsPartOfOperator(string text, int i) =>
        (i > 0 && text[i - 1] is '=' or '!' or '<' or '>') || (i + 1 < text.Length && text[i + 1] == '=');

    // A variable path after "empty": name(.name)*; null when none follows.
    private static string? ReadOperand(string text, ref int i)
    {
        var j = i;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }
        var start = j;
        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '_' or '.'))
        {
            j++;
        }
        if (j == start || !(char.IsLetter(text[start]) || text[start] == '_'))
        {
            return null;
        }
        i = j;
        return text[start..j];
    }
}
