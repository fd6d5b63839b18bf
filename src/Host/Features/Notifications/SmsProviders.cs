using System.Text;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;

namespace OneStop.Host.Features.Notifications;

/// <summary>Sends one SMS. <paramref name="key"/> is stable across retries; providers that support keys deduplicate by it.</summary>
public interface ISmsProvider
{
    /// <summary>Sends; returns the provider's message id when it gives one. Throws when the provider refuses.</summary>
    Task<string?> SendAsync(string phone, string text, string key, CancellationToken cancellationToken);
}

/// <summary>
/// A brand-name SMS gateway over HTTP (<c>Notifications:Sms:Gateway</c>): URL, method, headers and a Scriban body
/// template with <c>phone</c>, <c>text</c> and <c>key</c>; the key also travels in the idempotency header. Any
/// non-success status is a failure (retried with back-off).
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory clients, IOptions<NotificationOptions> options, NotificationChannels channels) : ISmsProvider
{
    public const string ClientName = "sms-gateway";
    private readonly SmsGatewaySettings settings = options.Value.Sms.Gateway;
    private readonly Template body = Template.Parse(options.Value.Sms.Gateway.BodyTemplate, "Notifications:Sms:Gateway:BodyTemplate");

    public async Task<string?> SendAsync(string phone, string text, string key, CancellationToken cancellationToken)
    {
        var url = channels.SmsGateway ?? throw new InvalidOperationException("No SMS gateway URL is configured.");
        if (body.HasErrors)
        {
            throw new InvalidOperationException($"OS7001: Notifications:Sms:Gateway:BodyTemplate does not parse: {string.Join("; ", body.Messages)}");
        }

        var context = new TemplateContext { TemplateLoader = null, MemberFilter = _ => false, LoopLimit = 100, StrictVariables = true };
        var globals = new ScriptObject { ["phone"] = phone, ["text"] = text, ["key"] = key };
        globals.Import("json", new Func<object?, string>(v => System.Text.Json.JsonSerializer.Serialize(v?.ToString())));
        context.PushGlobal(globals);
        var content = await body.RenderAsync(context);

        using var request = new HttpRequestMessage(new HttpMethod(settings.Method), url)
        {
            Content = new StringContent(content, Encoding.UTF8, settings.ContentType),
        };
        foreach (var (name, value) in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(settings.IdempotencyHeader, key);
        using var client = clients.CreateClient(ClientName);
        client.Timeout = settings.Timeout;
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
    }
}

/// <summary>Development: each SMS becomes <c>&lt;key&gt;.txt</c> (phone, then text) in the SMS folder; the same key twice makes one file.</summary>
public sealed class FolderSmsProvider(NotificationChannels channels) : ISmsProvider
{
    public async Task<string?> SendAsync(string phone, string text, string key, CancellationToken cancellationToken)
    {
        var folder = channels.SmsFolder ?? throw new InvalidOperationException("No SMS folder is configured.");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, OutboxFiles.SafeName(key) + ".txt");
        var bytes = Encoding.UTF8.GetBytes($"{phone}\n{text}\n");
        await OutboxFiles.WriteOnceAsync(path, stream => stream.WriteAsync(bytes, cancellationToken).AsTask(), cancellationToken);
        return Path.GetFileName(path);
    }
}
