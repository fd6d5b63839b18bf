using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Notifications;

public sealed class NotificationOutboxTests : IDisposable
{
    private readonly SmtpStub smtp = new();
    private readonly SmsGatewayStub gateway = new();

    public void Dispose()
    {
        smtp.Dispose();
        gateway.Dispose();
    }

    private Task<OneStopApp> StartAsync(Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // Rounds run only when a test asks (DispatchOnceAsync).
            ["Notifications:Enabled"] = "false",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Sms:Gateway:Url"] = gateway.Url,
            ["Notifications:LeaseDuration"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return OneStopApp.StartAsync(settings, services: services);
    }

    private static async Task<string> ReceiveAsync(OneStopApp app, string name = "Nguyễn Thị Hoa")
    {
        using var reception = await AsAsync(app, "reception");
        var request = Request(await ProcedureIdAsync(app, InterAgencyProcedure));
        request = request with { Applicant = request.Applicant with { Name = name } };
        return (await Dossiers.Dossiers.ReceiveAsync(reception, request)).GetProperty("code").GetString()!;
    }

    private static async Task<List<OutboxMessage>> RowsAsync(OneStopApp app, string? code = null, string? kind = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var query = db.OutboxMessages.AsNoTracking();
        if (code is not null)
        {
            var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
            query = query.Where(m => m.DossierId == id);
        }

        if (kind is not null)
        {
            query = query.Where(m => m.Kind == kind);
        }

        return await query.OrderBy(m => m.Channel).ToListAsync();
    }

    private static async Task DispatchAllAsync(OneStopApp app)
    {
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }
    }

    [Fact]
    public async Task Receiving_enqueues_one_email_and_one_sms_and_a_round_delivers_the_receipt_by_smtp_and_the_text_to_the_gateway()
    {
        await using var app = await StartAsync();
        var code = await ReceiveAsync(app);

        var rows = await RowsAsync(app, code, NotificationKinds.Received);
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], rows.Select(r => r.Channel));
        Assert.All(rows, r => Assert.Equal(OutboxState.Pending, r.State));
        Assert.NotNull(rows[0].AttachmentNoticeId);

        await DispatchAllAsync(app);

        var mail = Assert.Single(smtp.Messages);
        Assert.Contains(code, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(code, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("hoa@example.test", mail.To.Mailboxes.Single().Address);
        Assert.NotNull(mail.HtmlBody);
        Assert.Equal($"{rows[0].IdempotencyKey}@onestop.local", mail.MessageId);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        using (var content = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(content);
            Assert.Contains(code, System.Text.Encoding.UTF8.GetString(content.ToArray()), StringComparison.Ordinal);
        }

        var sms = Assert.Single(gateway.Received);
        Assert.Equal(rows[1].IdempotencyKey, sms.Key);
        var body = JsonDocument.Parse(sms.Body).RootElement;
        Assert.Equal("0912345678", body.GetProperty("to").GetString());
        Assert.Equal($"Hồ sơ {code} đã được tiếp nhận", body.GetProperty("text").GetString()![..(code.Length + 24)]);
        Assert.True(body.GetProperty("text").GetString()!.Length <= 160);
        Assert.All(await RowsAsync(app, code, NotificationKinds.Received), r => Assert.Equal(OutboxState.Sent, r.State));

        using var reception = await AsAsync(app, "reception");
        var deliveries = JsonDocument.Parse(await reception.GetStringAsync(new Uri($"/api/dossiers/{code}/deliveries", UriKind.Relative))).RootElement;
        var recipients = deliveries.EnumerateArray().Select(d => d.GetProperty("recipient").GetString()).ToList();
        Assert.Contains("h***@example.test", recipients);
        Assert.Contains("09******78", recipients);
        using var builder = await AsAsync(app, "builder");
        Assert.Equal(HttpStatusCode.NotFound, (await builder.GetAsync(new Uri($"/api/dossiers/{code}/deliveries", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_rolled_back_dossier_change_leaves_no_outbox_row()
    {
        await using var app = await StartAsync();
        var code = await ReceiveAsync(app);
        var before = (await RowsAsync(app, code)).Count;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, Time = DateTimeOffset.UtcNow, Actor = "test", Action = DossierActions.StatusChanged,
                FromStatus = DossierStatus.Received, ToStatus = DossierStatus.InProgress, Public = true,
            });
            await db.SaveChangesAsync();
            Assert.Equal(before + 2, await db.OutboxMessages.CountAsync(m => m.DossierId == dossier.Id));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, (await RowsAsync(app, code)).Count);
    }

    [Fact]
    public async Task A_node_killed_between_sending_and_marking_resends_with_the_same_key_and_leaves_no_unmarked_row()
    {
        var crash = new CrashAfterSend();
        await using var app = await StartAsync(new() { ["Notifications:Concurrency"] = "1" }, services =>
        {
            var sms = services.Last(s => s.ServiceType == typeof(ISmsProvider));
            var mail = services.Last(s => s.ServiceType == typeof(INotificationMailer));
            services.AddSingleton<ISmsProvider>(sp => new CrashingSms((ISmsProvider)sms.ImplementationFactory!(sp), crash));
            services.AddSingleton<INotificationMailer>(sp => new CrashingMailer((INotificationMailer)mail.ImplementationFactory!(sp), crash));
        });
        var code = await ReceiveAsync(app);
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();

        using (var round = new CancellationTokenSource())
        {
            crash.Arm(round);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchOnceAsync(round.Token));
        }

        var afterCrash = await RowsAsync(app, code, NotificationKinds.Received);
        Assert.Contains(afterCrash, r => r.State == OutboxState.Pending && r.LeaseOwner is not null);
        Assert.Equal(1, smtp.Count + gateway.Received.Count);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await DispatchAllAsync(app);

        var rows = await RowsAsync(app, code, NotificationKinds.Received);
        Assert.All(rows, r => Assert.True(r.State == OutboxState.Sent && r.LeaseOwner is null, $"{r.Channel} {r.State} {r.LeaseOwner}"));
        var keys = smtp.Messages.Select(m => m.MessageId!.Split('@')[0]).Concat(gateway.Received.Select(s => s.Key!)).ToList();
        Assert.Equal(3, keys.Count);
        var resent = Assert.Single(keys.GroupBy(k => k), g => g.Count() == 2).Key;
        Assert.Contains(rows, r => r.IdempotencyKey == resent);
        // Every row the killed round had claimed is in doubt; each was sent again under its own key and counted.
        Assert.Equal(afterCrash.Count(r => r.LeaseOwner is not null), dispatcher.Resends);
    }

    [Fact]
    public async Task A_closed_smtp_port_backs_off_fails_after_the_limit_shows_on_the_failed_page_and_resend_queues_it_again()
    {
        // The test's clock decides when a retry is due: nothing here depends on how fast the machine is.
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(new()
        {
            ["Notifications:Smtp:Port"] = SmtpStub.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:MaxAttempts"] = "3",
            ["Notifications:RetryDelay"] = "00:01:00",
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        var code = await ReceiveAsync(app);
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();

        await dispatcher.DispatchOnceAsync();
        var email = (await RowsAsync(app, code, NotificationKinds.Received)).Single(r => r.Channel == NotificationChannel.Email);
        Assert.Equal((OutboxState.Pending, 1), (email.State, email.Attempts));
        // First retry after the delay with ±20 % jitter.
        Assert.InRange(email.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(47), TimeSpan.FromSeconds(73));
        Assert.False(string.IsNullOrEmpty(email.LastError));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync());

        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DispatchOnceAsync();
        email = (await RowsAsync(app, code, NotificationKinds.Received)).Single(r => r.Channel == NotificationChannel.Email);
        Assert.Equal((OutboxState.Pending, 2), (email.State, email.Attempts));
        // The second delay doubles.
        Assert.InRange(email.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(95), TimeSpan.FromSeconds(145));

        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DispatchOnceAsync();
        email = (await RowsAsync(app, code, NotificationKinds.Received)).Single(r => r.Channel == NotificationChannel.Email);

        Assert.Equal((OutboxState.Failed, 3), (email.State, email.Attempts));
        Assert.Equal(0, smtp.Count);

        using var admin = await OidcClient.SessionAsync(app, "admin");
        var page = await admin.GetStringAsync(new Uri("/notifications/failed", UriKind.Relative));
        Assert.Contains($"data-id=\"{email.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("h***@example.test", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hoa@example.test", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page) });
        var posted = await admin.PostAsync(new Uri($"/notifications/failed?handler=Resend&id={email.Id}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        email = (await RowsAsync(app, code, NotificationKinds.Received)).Single(r => r.Channel == NotificationChannel.Email);
        Assert.Equal((OutboxState.Pending, 0), (email.State, email.Attempts));
    }

    [Fact]
    public async Task A_thousand_status_changes_give_two_thousand_rows_and_two_thousand_deliveries()
    {
        await using var app = await StartAsync(new() { ["Notifications:BatchSize"] = "250", ["Notifications:Concurrency"] = "8" });
        var code = await ReceiveAsync(app);
        await DispatchAllAsync(app);
        smtp.Clear();
        gateway.Clear();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
            for (var batch = 0; batch < 4; batch++)
            {
                db.DossierEvents.AddRange(Enumerable.Range(0, 250).Select(i => new DossierEvent
                {
                    DossierId = dossier.Id, Time = DateTimeOffset.UtcNow, Actor = "test", Action = DossierActions.StatusChanged,
                    FromStatus = DossierStatus.Received, ToStatus = DossierStatus.InProgress, Public = true,
                }));
                await db.SaveChangesAsync();
            }
        }

        var rows = await RowsAsync(app, code, NotificationKinds.StatusChanged);
        Assert.Equal(1000, rows.Count(r => r.Channel == NotificationChannel.Email));
        Assert.Equal(1000, rows.Count(r => r.Channel == NotificationChannel.Sms));

        await DispatchAllAsync(app);

        Assert.Equal(1000, smtp.Count);
        Assert.Equal(1000, gateway.Received.Count);
        Assert.Equal(2000, smtp.Messages.Select(m => m.MessageId).Concat(gateway.Received.Select(s => s.Key)).Distinct().Count());
        Assert.All(await RowsAsync(app, code, NotificationKinds.StatusChanged), r => Assert.Equal(OutboxState.Sent, r.State));
    }

    [Fact]
    public async Task A_template_that_fails_to_render_sends_nothing_raises_an_incident_and_the_fixed_template_sends_on_resend()
    {
        var templates = Path.Combine(Path.GetTempPath(), $"onestop-ntf-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(Repository.Root, "templates", "sms"), Path.Combine(templates, "sms"));
        CopyFolder(Path.Combine(Repository.Root, "templates", "email"), Path.Combine(templates, "email"));
        var broken = Path.Combine(templates, "sms", "received.sbn");
        var original = await File.ReadAllTextAsync(broken);
        await File.WriteAllTextAsync(broken, "Hồ sơ {{ code }}\nhẹn {{ no_such_value }} nhé");
        try
        {
            await using var app = await StartAsync(new() { ["Notifications:TemplatesPath"] = templates });
            var code = await ReceiveAsync(app);

            await DispatchAllAsync(app);

            var rows = await RowsAsync(app, code, NotificationKinds.Received);
            Assert.All(rows, r =>
            {
                Assert.Equal(OutboxState.Failed, r.State);
                Assert.True(r.TemplateFailed);
                Assert.Contains("sms/received.sbn:2:", r.LastError, StringComparison.Ordinal);
                Assert.Null(r.Body);
            });
            Assert.Equal(0, smtp.Count);
            Assert.Empty(gateway.Received);

            // The operators' incident list names the dossier, the kind and where the template broke.
            using var admin = await AsAsync(app, "admin");
            var incidents = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/operations/incidents", UriKind.Relative))).RootElement
                .GetProperty("notifications").EnumerateArray().Where(i => i.GetProperty("dossierCode").GetString() == code).ToList();
            Assert.Equal(2, incidents.Count);
            Assert.All(incidents, i =>
            {
                Assert.Equal(NotificationKinds.Received, i.GetProperty("kind").GetString());
                Assert.Contains("sms/received.sbn:2:", i.GetProperty("message").GetString(), StringComparison.Ordinal);
            });

            // Fixed template, resend: both go out with the fixed text and the incident is gone.
            await File.WriteAllTextAsync(broken, original);
            foreach (var row in rows)
            {
                var resent = await admin.PostAsync(new Uri($"/api/notifications/{row.Id}/resend", UriKind.Relative), null);
                Assert.Equal(HttpStatusCode.NoContent, resent.StatusCode);
            }

            await DispatchAllAsync(app);

            Assert.All(await RowsAsync(app, code, NotificationKinds.Received), r =>
            {
                Assert.Equal(OutboxState.Sent, r.State);
                Assert.False(r.TemplateFailed);
            });
            Assert.Equal(1, smtp.Count);
            Assert.StartsWith($"Hồ sơ {code} đã được tiếp nhận", JsonDocument.Parse(Assert.Single(gateway.Received).Body).RootElement.GetProperty("text").GetString(),
                StringComparison.Ordinal);
            var after = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/operations/incidents", UriKind.Relative))).RootElement;
            Assert.DoesNotContain(after.GetProperty("notifications").EnumerateArray(), i => i.GetProperty("dossierCode").GetString() == code);
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Fact]
    public async Task Notices_go_only_on_the_channels_the_applicant_chose()
    {
        await using var app = await StartAsync();
        using var reception = await AsAsync(app, "reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        var smsOnly = (await Dossiers.Dossiers.ReceiveAsync(reception, Request(procedure) with { NotifyBy = NotifyBy.Sms })).GetProperty("code").GetString()!;
        var none = (await Dossiers.Dossiers.ReceiveAsync(reception, Request(procedure) with { NotifyBy = NotifyBy.None })).GetProperty("code").GetString()!;

        Assert.Equal([NotificationChannel.Sms], (await RowsAsync(app, smsOnly)).Select(r => r.Channel));
        Assert.Empty(await RowsAsync(app, none));
        var dossier = JsonDocument.Parse(await reception.GetStringAsync(new Uri($"/api/dossiers/{smsOnly}", UriKind.Relative))).RootElement;
        Assert.Equal("Sms", dossier.GetProperty("dossier").GetProperty("notifyBy").GetString());
    }

    [Fact]
    public async Task Html_in_the_applicants_name_arrives_as_text_in_the_email()
    {
        await using var app = await StartAsync();
        await ReceiveAsync(app, "Hoa <script>alert(1)</script>");

        await DispatchAllAsync(app);

        var html = Assert.Single(smtp.Messages).HtmlBody;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Hoa &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
