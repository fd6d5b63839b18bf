using Microsoft.Extensions.Options;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications;

/// <summary>
/// Which channels this installation delivers on, decided once from configuration (every node reads the same):
/// e-mail by SMTP when <c>Notifications:Smtp:Host</c> is set, else to a pickup folder (configured, or by default in
/// Development); SMS by the HTTP gateway when its URL is set, else to a folder (configured, or by default in
/// Development). A channel with neither is off, and nothing is enqueued for it.
/// </summary>
public sealed class NotificationChannels
{
    public NotificationChannels(IOptions<NotificationOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = options.Value;
        var data = DatabaseProviderExtensions.DataFolder(configuration, environment);
        string? Folder(string? configured, string name) => configured is { Length: > 0 }
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : environment.IsDevelopment() ? Path.Combine(data, "notifications", name) : null;

        SmtpHost = string.IsNullOrWhiteSpace(settings.Smtp.Host) ? null : settings.Smtp.Host;
        MailFolder = SmtpHost is null ? Folder(settings.Smtp.PickupFolder, "mail") : null;
        SmsGateway = string.IsNullOrWhiteSpace(settings.Sms.Gateway.Url) ? null : new Uri(settings.Sms.Gateway.Url);
        SmsFolder = SmsGateway is null ? Folder(settings.Sms.Folder, "sms") : null;
    }

    public string? SmtpHost { get; }

    public string? MailFolder { get; }

    public Uri? SmsGateway { get; }

    public string? SmsFolder { get; }

    public bool Email => SmtpHost is not null || MailFolder is not null;

    public bool Sms => SmsGateway is not null || SmsFolder is not null;
}
