using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OneStop.Host.Features.Notifications;

/// <summary>Delivers a finished e-mail. The Message-Id is the message's idempotency key: a resend carries the same one.</summary>
public interface INotificationMailer
{
    /// <summary>Sends <paramref name="message"/>; returns the provider's id for it, when it gives one.</summary>
    Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit (<c>Notifications:Smtp</c>): one connection per message, TLS unless turned off.</summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options, NotificationChannels channels) : INotificationMailer
{
    private readonly SmtpSettings settings = options.Value.Smtp;

    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(channels.SmtpHost ?? throw new InvalidOperationException("No SMTP host is configured."), settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        var response = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return response is { Length: > 200 } ? response[..200] : response;
    }
}

/// <summary>
/// Development: each e-mail becomes <c>&lt;key&gt;.eml</c> in the pickup folder. Writing the same key twice keeps the
/// first file, as a receiver that deduplicates by Message-Id would.
/// </summary>
public sealed class PickupFolderMailer(NotificationChannels channels) : INotificationMailer
{
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = channels.MailFolder ?? throw new InvalidOperationException("No e-mail pickup folder is configured.");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, OutboxFiles.SafeName(message.MessageId ?? Guid.NewGuid().ToString("N")) + ".eml");
        await OutboxFiles.WriteOnceAsync(path, stream => message.WriteToAsync(stream, cancellationToken), cancellationToken);
        return Path.GetFileName(path);
    }
}

internal static class OutboxFiles
{
    /// <summary>A file name from an idempotency key: letters, digits, dot, dash and underscore only.</summary>
    public static string SafeName(string key) =>
        new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);

    /// <summary>Writes through a temporary file and a move that never replaces: the first write of a name wins, a second is a no-op.</summary>
    public static async Task WriteOnceAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return;
        }

        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await write(stream);
                await stream.FlushAsync(cancellationToken);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another attempt wrote the same key meanwhile: one file, as intended.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
