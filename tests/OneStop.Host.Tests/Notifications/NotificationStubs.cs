using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;
using OneStop.Host.Features.Notifications;

namespace OneStop.Host.Tests.Notifications;

/// <summary>A real SMTP server in the test process, on a free loopback port; messages parsed with MimeKit.</summary>
internal sealed class SmtpStub : IDisposable
{
    private readonly SimpleSmtpServer server;

    public SmtpStub()
    {
        Port = FreePort();
        server = SimpleSmtpServer.Start(Port);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages =>
        [.. server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];

    public int Count => server.ReceivedEmailCount;

    public void Clear() => server.ClearReceivedEmail();

    public void Dispose() => server.Dispose();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// An SMS gateway on loopback (HttpListener): records every request whole and answers <see cref="Status"/>, with
/// <see cref="MessageId"/> in <c>X-Message-Id</c> when set.
/// </summary>
internal sealed class SmsGatewayStub : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public SmsGatewayStub()
    {
        Url = $"http://127.0.0.1:{SmtpStub.FreePort()}/sms/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>The gateway's id of an accepted message, answered in <c>X-Message-Id</c>; none when null.</summary>
    public string? MessageId { get; set; }

    public ConcurrentQueue<GatewayRequest> Received { get; } = new();

    public void Clear() => Received.Clear();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var request = context.Request;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k], StringComparer.OrdinalIgnoreCase);
                Received.Enqueue(new GatewayRequest(request.HttpMethod, request.Url!.PathAndQuery, headers, request.ContentType, await reader.ReadToEndAsync()));
            }

            if (MessageId is not null)
            {
                context.Response.Headers["X-Message-Id"] = MessageId;
            }

            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>One request as <see cref="SmsGatewayStub"/> received it; header names compare case-insensitively.</summary>
internal sealed record GatewayRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string?> Headers, string? ContentType, string Body)
{
    /// <summary>The idempotency key under the gateway's default header name.</summary>
    public string? Key => Headers.GetValueOrDefault("Idempotency-Key");
}

/// <summary>Simulates a node killed after the provider accepted a message and before the row is marked: the first send, once armed, cancels the round.</summary>
internal sealed class CrashAfterSend
{
    private CancellationTokenSource? armed;

    public void Arm(CancellationTokenSource round) => armed = round;

    public void AfterSend() => Interlocked.Exchange(ref armed, null)?.Cancel();
}

internal sealed class CrashingSms(ISmsProvider inner, CrashAfterSend crash) : ISmsProvider
{
    public async Task<string?> SendAsync(string phone, string text, string key, CancellationToken cancellationToken)
    {
        var id = await inner.SendAsync(phone, text, key, cancellationToken);
        crash.AfterSend();
        return id;
    }
}

internal sealed class CrashingMailer(INotificationMailer inner, CrashAfterSend crash) : INotificationMailer
{
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var id = await inner.SendAsync(message, cancellationToken);
        crash.AfterSend();
        return id;
    }
}
