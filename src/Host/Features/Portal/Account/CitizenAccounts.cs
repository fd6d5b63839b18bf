using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Portal.Account;

/// <summary>Registration of the citizen accounts: sign-in needs a confirmed e-mail or phone for citizens.</summary>
public static class CitizenAccountExtensions
{
    public static IServiceCollection AddCitizenAccounts(this IServiceCollection services)
    {
        // Staff accounts are created by an admin and trusted; only self-registered citizens must confirm first.
        services.Configure<IdentityOptions>(o => o.SignIn.RequireConfirmedAccount = true);
        services.AddScoped<IUserConfirmation<ApplicationUser>, CitizenConfirmation>();
        services.AddScoped<CitizenCodes>();
        return services;
    }
}

/// <summary>A citizen is confirmed when the e-mail or the phone is; any other user is confirmed.</summary>
public sealed class CitizenConfirmation : IUserConfirmation<ApplicationUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        return user.EmailConfirmed || user.PhoneNumberConfirmed || !await manager.IsInRoleAsync(user, Roles.Citizen);
    }
}

/// <summary>
/// The 6-digit codes of citizen accounts: Identity's time-based e-mail and phone token providers (valid a few
/// minutes, void once the security stamp changes), sent straight through the notification mailer or SMS provider —
/// not through the outbox, which carries dossier notices.
/// </summary>
public sealed partial class CitizenCodes(
    UserManager<ApplicationUser> users,
    NotificationChannels channels,
    INotificationMailer mailer,
    ISmsProvider sms,
    IOptions<NotificationOptions> options,
    IStringLocalizer<SharedResource> text,
    ILogger<CitizenCodes> logger)
{
    public const string ConfirmPurpose = "portal-confirm";
    public const string ResetPurpose = "portal-reset";

    /// <summary>A Vietnamese mobile number: 10 digits starting with 0.</summary>
    [GeneratedRegex("^0[0-9]{9}$")]
    public static partial Regex MobilePattern();

    /// <summary>Digits only: spaces, dots and dashes typed in a phone number are dropped.</summary>
    public static string NormalizePhone(string phone) => new([.. phone.Where(char.IsAsciiDigit)]);

    /// <summary>The account of an e-mail address or a mobile number (the user name of phone-first accounts).</summary>
    public async Task<ApplicationUser?> FindAsync(string identifier)
    {
        var value = identifier.Trim();
        return value.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(value)
            : await users.FindByNameAsync(NormalizePhone(value));
    }

    /// <summary>Sends the confirmation code by e-mail, else by SMS. False when neither channel is available.</summary>
    public Task<bool> SendConfirmationAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        SendAsync(user, ConfirmPurpose, "Ptl_ConfirmMailSubject", "Ptl_ConfirmMailBody", "Ptl_ConfirmSms", cancellationToken);

    /// <summary>Sends the password reset code by e-mail, else by SMS.</summary>
    public Task<bool> SendResetAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        SendAsync(user, ResetPurpose, "Ptl_ResetMailSubject", "Ptl_ResetMailBody", "Ptl_ResetSms", cancellationToken);

    /// <summary>Checks a code against the channel it was sent on.</summary>
    public Task<bool> VerifyAsync(ApplicationUser user, string purpose, string code) =>
        users.VerifyUserTokenAsync(user, ByEmail(user) ? TokenOptions.DefaultEmailProvider : TokenOptions.DefaultPhoneProvider, purpose, code.Trim());

    private static bool ByEmail(ApplicationUser user) => !string.IsNullOrEmpty(user.Email);

    /// <summary>A code the account received proves its contact: the e-mail, else the phone, is confirmed (sign-in allowed).</summary>
    public async Task ConfirmContactAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ByEmail(user))
        {
            user.EmailConfirmed = true;
        }
        else
        {
            user.PhoneNumberConfirmed = true;
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"Account {user.Id} not confirmed: {string.Join("; ", updated.Errors.Select(e => e.Code))}");
        }
    }

    private async Task<bool> SendAsync(ApplicationUser user, string purpose, string subject, string body, string smsText, CancellationToken cancellationToken)
    {
        if (user.Email is { Length: > 0 } email)
        {
            if (!channels.Email)
            {
                logger.LogError("Account code for user {UserId} not sent: no e-mail channel is configured", user.Id);
                return false;
            }

            var code = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultEmailProvider, purpose);
            var settings = options.Value.Smtp;
            using var message = new MimeMessage
            {
                Subject = text[subject],
                Body = new TextPart("plain") { Text = text[body, user.FullName, code] },
                MessageId = $"{purpose}.{Guid.NewGuid():N}@{settings.MessageIdDomain}",
            };
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(new MailboxAddress(user.FullName, email));
            return await DeliverAsync(user, () => mailer.SendAsync(message, cancellationToken), cancellationToken);
        }

        if (user.PhoneNumber is { Length: > 0 } phone && channels.Sms)
        {
            var code = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultPhoneProvider, purpose);
            var smsBody = text[smsText, code].Value;
            return await DeliverAsync(user, () => sms.SendAsync(phone, smsBody, $"{purpose}.{Guid.NewGuid():N}", cancellationToken), cancellationToken);
        }

        logger.LogError("Account code for user {UserId} not sent: no e-mail and no SMS channel", user.Id);
        return false;
    }

    /// <summary>A provider that is down must not lose the new account: the page offers to send the code again.</summary>
    private async Task<bool> DeliverAsync(ApplicationUser user, Func<Task<string?>> send, CancellationToken cancellationToken)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Account code for user {UserId} could not be delivered", user.Id);
            return false;
        }
    }
}
