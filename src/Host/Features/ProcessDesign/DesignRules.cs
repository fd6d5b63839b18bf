using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using EngineProblem = OneStop.Workflows.Validation.ValidationProblem;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>The designer's checks on top of the engine's validation, and the caller's name and language.</summary>
internal static partial class DesignRules
{
    /// <summary>The engine's problems plus the designer's own rule: the document must hold the process the flow's key names.</summary>
    internal static List<EngineProblem> WithKeyCheck(string key, BpmnModel? model, IReadOnlyList<EngineProblem> problems)
    {
        var all = new List<EngineProblem>(problems);
        if (model is not null && model.FindProcess(key) is null)
        {
            all.Add(new EngineProblem(DesignCodes.KeyMismatch, ProblemSeverity.Error, null, 0, 0,
                $"Sơ đồ không có quy trình (process) mang mã '{key}' của quy trình này; hãy đặt lại mã (id) của process thành '{key}'.",
                $"The diagram has no process whose id is this flow's key '{key}'; set the process id to '{key}'."));
        }
        return all;
    }

    internal static List<ProblemDto> ToDtos(IEnumerable<EngineProblem> problems)
    {
        var english = IsEnglish();
        return [.. problems
            .OrderByDescending(p => p.Severity)
            .Select(p => new ProblemDto(p.Code, p.Severity.ToString(), p.ElementId, p.Line, p.Column, english ? p.MessageEn : p.MessageVi, p.MessageVi, p.MessageEn))];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,199}$")]
    private static partial Regex KeyPattern();

    internal static bool IsValidKey(string key) => KeyPattern().IsMatch(key);


    /// <summary>The user name (login) of the caller, from the session cookie or a bearer token.</summary>
    internal static string UserName(ClaimsPrincipal user) =>
        user.FindFirst(Claims.PreferredUsername)?.Value ?? user.FindFirst(ClaimTypes.Name)?.Value ?? user.Identity?.Name ?? "?";

    internal static bool IsEnglish() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    // API messages come in both languages like the engine's validation messages; the caller's culture picks one.
    internal static string Say(string vietnamese, string english) => IsEnglish() ? english : vietnamese;
}
