using Microsoft.Data.Sqlite;
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
        var data = DataFolder(configuration, environment);
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

    /// <summary>The SQLite database's folder, else <c>data</c> in the content root (as the file store decides).</summary>
    private static string DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? nameof(DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("OneStop");
        if (string.Equals(provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(connectionString)
            && new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } source && source != ":memory:")
        {
            return Path.GetDirectoryName(Path.GetFullPath(source, environment.ContentRootPath)) ?? environment.ContentRootPath;
        }

        return Path.Combine(environment.ContentRootPath, "data");
    }
}
