using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace OneStop.Host.Features.Portal.Account;

/// <summary>Identity's errors in the page's language (resource <c>Ptl_Identity_{Code}</c>), each beside its field.</summary>
public static class IdentityMessages
{
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, IStringLocalizer text, string passwordField, string userField)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var error in errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : userField;
            modelState.AddModelError(field, Describe(error, text));
        }
    }

    public static string Describe(IdentityError error, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);
        var localized = text[$"Ptl_Identity_{error.Code}"];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }

    /// <summary>The password rules Identity enforces, to show before the citizen types.</summary>
    public static IEnumerable<string> PasswordRules(PasswordOptions options, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        yield return text["Ptl_Rule_Length", options.RequiredLength];
        if (options.RequireUppercase)
        {
            yield return text["Ptl_Rule_Upper"];
        }

        if (options.RequireLowercase)
        {
            yield return text["Ptl_Rule_Lower"];
        }

        if (options.RequireDigit)
        {
            yield return text["Ptl_Rule_Digit"];
        }

        if (options.RequireNonAlphanumeric)
        {
            yield return text["Ptl_Rule_Symbol"];
        }
    }
}
