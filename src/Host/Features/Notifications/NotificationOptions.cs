namespace OneStop.Host.Features.Notifications;

/// <summary>The <c>Notifications</c> section: the outbox dispatcher and the e-mail and SMS channels.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the dispatcher and the deadline scan on this node. Default: true; leases keep nodes apart.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due messages. Default: 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is given up into the failed deliveries page. Default: 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claimed message belongs to this node; a node that dies mid-send loses it after this. Default: 2 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before the first retry; doubles with each attempt, capped at <see cref="MaxRetryDelay"/>. Default: 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest delay between two attempts. Default: 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messages claimed per round. Default: 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Messages sent at once by one node. Default: 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How often officers' steps are checked for due-soon and overdue notices. Default: 15 minutes.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>This node's name in leases. Default: host name, process id and a random suffix.</summary>
    public string? NodeId { get; set; }

    /// <summary>Folder of the SMS and e-mail templates (<c>sms/</c>, <c>email/</c>). Default: the repository's or the published <c>templates</c>.</summary>
    public string? TemplatesPath { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();
}

/// <summary><c>Notifications:Smtp</c>. Without a host, e-mails go to the pickup folder (Development) or are not sent.</summary>
public sealed class SmtpSettings
{
    /// <summary>SMTP server. Default: none.</summary>
    public string? Host { get; set; }

    /// <summary>Default: 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (or TLS on connect on port 465). Default: true; turn off only for a local relay.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>User name; none means no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address. Default: <c>OneStop &lt;no-reply@onestop.local&gt;</c>.</summary>
    public string From { get; set; } = "OneStop <no-reply@onestop.local>";

    /// <summary>Right-hand side of the Message-Id built from the idempotency key. Default: <c>onestop.local</c>.</summary>
    public string MessageIdDomain { get; set; } = "onestop.local";

    /// <summary>Folder for e-mails when no host is set (one .eml per message). Default in Development: <c>notifications/mail</c> in the data folder.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>Connect and command time-out. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary><c>Notifications:Sms</c>.</summary>
public sealed class SmsSettings
{
    /// <summary>Write texts without Vietnamese diacritics (cheaper GSM-7 messages on most gateways). Default: false.</summary>
    public bool StripDiacritics { get; set; }

    /// <summary>Longest text; longer ones are cut. Default: 160.</summary>
    public int MaxLength { get; set; } = 160;

    /// <summary>Folder for texts when no gateway is set (one file per message). Default in Development: <c>notifications/sms</c> in the data folder.</summary>
    public string? Folder { get; set; }

    public SmsGatewaySettings Gateway { get; set; } = new();
}

/// <summary><c>Notifications:Sms:Gateway</c>: an HTTP SMS gateway (brand-name SMS providers).</summary>
public sealed class SmsGatewaySettings
{
    /// <summary>Gateway URL. Default: none (no HTTP gateway).</summary>
    public string? Url { get; set; }

    /// <summary>Default: POST.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Extra headers (API keys, brand name).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Header carrying the idempotency key. Default: <c>Idempotency-Key</c>.</summary>
    public string IdempotencyHeader { get; set; } = "Idempotency-Key";

    /// <summary>Scriban template of the body; variables <c>phone</c>, <c>text</c>, <c>key</c>; <c>json</c> quotes a string.</summary>
    public string BodyTemplate { get; set; } = """{"to":{{ json phone }},"text":{{ json text }},"requestId":{{ json key }}}""";

    /// <summary>Default: application/json.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
