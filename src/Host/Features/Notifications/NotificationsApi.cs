using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications;

/// <summary>Registration of the outbox, its dispatcher and channels; the delivery history and the admin's resend.</summary>
public static class NotificationsApi
{
    /// <summary>Options, channels, templates, the outbox interceptor, the dispatcher and the deadline scan.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationChannels>();
        services.AddSingleton<NotificationTemplates>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddHttpClient(HttpSmsGateway.ClientName);
        services.AddSingleton<INotificationMailer>(sp => sp.GetRequiredService<NotificationChannels>().SmtpHost is null
            ? ActivatorUtilities.CreateInstance<PickupFolderMailer>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailer>(sp));
        services.AddSingleton<ISmsProvider>(sp => sp.GetRequiredService<NotificationChannels>().SmsGateway is null
            ? ActivatorUtilities.CreateInstance<FolderSmsProvider>(sp)
            : ActivatorUtilities.CreateInstance<HttpSmsGateway>(sp));
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<DeadlineNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineNotifier>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.DossierStaff).AntiforgeryForSessions()
            .MapGet("/{code}/deliveries", DeliveriesAsync)
            .WithName("ListDossierDeliveries").WithSummary("The SMS and e-mail notices of a dossier: channel, masked recipient, state, attempts");
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Admin);
        notifications.MapGet("/failed", FailedAsync).WithName("ListFailedDeliveries").WithSummary("Deliveries given up, newest first");
        notifications.MapPost("/{id:guid}/resend", ResendAsync).WithName("ResendDelivery").WithSummary("Puts a failed delivery back in the queue");
        return api;
    }

    private static async Task<Results<Ok<List<DeliveryDto>>, NotFound<ProblemDetails>>> DeliveriesAsync(
        string code, OneStopDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var dossier = await DossiersApi.FindVisibleAsync(db, http, code, cancellationToken);
        if (dossier is null)
        {
            return DossiersApi.NotFound(code);
        }

        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.DossierId == dossier.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(DeliveryDto.From).ToList());
    }

    private static async Task<Ok<List<DeliveryDto>>> FailedAsync(OneStopDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await FailedRowsAsync(db, 200, cancellationToken)).Select(DeliveryDto.From).ToList());

    private static async Task<Results<NoContent, NotFound>> ResendAsync(Guid id, OneStopDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await ResendFailedAsync(db, id, time.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static Task<List<OutboxMessage>> FailedRowsAsync(OneStopDbContext db, int take, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Failed).OrderByDescending(m => m.CreatedAt).Take(take).ToListAsync(cancellationToken);

    /// <summary>A failed delivery back to Pending with no attempts, due now; a template error renders again (the text was never kept).</summary>
    internal static async Task<bool> ResendFailedAsync(OneStopDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.OutboxMessages.Where(m => m.Id == id && m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.TemplateFailed, false), cancellationToken) == 1;

    /// <summary>"0912345678" → "09******78": enough to recognise, not to use.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = phone.Trim();
        return digits.Length <= 4 ? new string('*', digits.Length) : string.Concat(digits.AsSpan(0, 2), new string('*', digits.Length - 4), digits.AsSpan(digits.Length - 2));
    }

    /// <summary>"hoa@example.test" → "h***@example.test".</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    public static string Mask(NotificationChannel channel, string recipient) =>
        channel == NotificationChannel.Email ? MaskEmail(recipient) : MaskPhone(recipient);
}

/// <summary>One delivery as staff see it; the recipient is masked.</summary>
public sealed record DeliveryDto(Guid Id, NotificationChannel Channel, string Recipient, string Kind, OutboxState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? LastError, bool TemplateFailed)
{
    public static DeliveryDto From(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new DeliveryDto(m.Id, m.Channel, NotificationsApi.Mask(m.Channel, m.Recipient), m.Kind, m.State, m.Attempts, m.CreatedAt, m.SentAt,
            m.NextAttemptAt, m.LastError, m.TemplateFailed);
    }
}
