using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Notifications;

/// <summary>
/// The delivery ends of the outbox on their own: the SMS and e-mail folders of Development, the SMS text rules (diacritics,
/// length) and the HTTP SMS gateway's configuration and failures. The SMTP channel and the default gateway request are
/// covered by <see cref="NotificationOutboxTests"/>.
/// </summary>
public sealed class NotificationProviderTests : IDisposable
{
    private const string Code = "000.00.30.H56-260302-0001";

    /// <summary>Liên thông khai sinh – thường trú – thẻ BHYT: a real procedure name, long enough to push a text past 160 characters.</summary>
    private const string LongProcedure = "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"onestop-providers-{Guid.NewGuid():N}");

    public NotificationProviderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_sms_folder_gets_one_file_per_key_with_the_phone_then_the_text_and_a_second_send_of_a_key_keeps_the_first_text()
    {
        var sms = new FolderSmsProvider(Channels(new NotificationOptions { Sms = { Folder = Path.Combine(folder, "sms") } }));

        var first = await sms.SendAsync("0912345678", $"Hồ sơ {Code} đã được tiếp nhận.", "received.0195a1b2c3d4.sms", CancellationToken.None);
        var other = await sms.SendAsync("0987654321", $"Hồ sơ {Code} cần bổ sung giấy tờ.", "supplement-requested.0195a1b2c3d5.sms", CancellationToken.None);
        // A resend (same key, here with another text): reported as delivered, and the file is left as it was.
        var again = await sms.SendAsync("0912345678", "Văn bản khác", "received.0195a1b2c3d4.sms", CancellationToken.None);

        Assert.Equal(("received.0195a1b2c3d4.sms.txt", "supplement-requested.0195a1b2c3d5.sms.txt", "received.0195a1b2c3d4.sms.txt"), (first, other, again));
        Assert.Equal([first, other], Directory.GetFiles(Path.Combine(folder, "sms")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal($"0912345678\nHồ sơ {Code} đã được tiếp nhận.\n", await File.ReadAllTextAsync(Path.Combine(folder, "sms", first!), Encoding.UTF8));
        Assert.Equal($"0987654321\nHồ sơ {Code} cần bổ sung giấy tờ.\n", await File.ReadAllTextAsync(Path.Combine(folder, "sms", other!), Encoding.UTF8));
    }

    [Fact]
    public async Task A_key_with_characters_unsafe_in_a_file_name_becomes_a_file_of_letters_digits_dots_dashes_and_underscores()
    {
        var sms = new FolderSmsProvider(Channels(new NotificationOptions { Sms = { Folder = Path.Combine(folder, "sms") } }));

        var name = await sms.SendAsync("0912345678", "Xin chào", "../step-due-soon/a b:c.sms", CancellationToken.None);

        Assert.Equal(".._step-due-soon_a_b_c.sms.txt", name);
        Assert.Equal([name], Directory.GetFiles(Path.Combine(folder, "sms")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task The_pickup_folder_keeps_an_eml_that_reads_back_with_its_message_id_subject_and_attachment_and_the_first_copy_of_an_id()
    {
        var mailer = new PickupFolderMailer(Channels(new NotificationOptions { Smtp = { PickupFolder = Path.Combine(folder, "mail") } }));
        var receipt = $"<html><body><h1>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1><p>Mã hồ sơ: {Code}</p></body></html>";
        var message = Mail("received.0195a1b2c3d4.mail@onestop.local", $"[Một cửa] Hồ sơ {Code}: Đã tiếp nhận", receipt);

        var name = await mailer.SendAsync(message, CancellationToken.None);
        var again = await mailer.SendAsync(Mail("received.0195a1b2c3d4.mail@onestop.local", "Một tiêu đề khác", "<p>khác</p>"), CancellationToken.None);

        Assert.Equal(("received.0195a1b2c3d4.mail_onestop.local.eml", name), (name, again));
        Assert.Equal([name], Directory.GetFiles(Path.Combine(folder, "mail")).Select(Path.GetFileName));
        var read = await MimeMessage.LoadAsync(Path.Combine(folder, "mail", name!));
        Assert.Equal("received.0195a1b2c3d4.mail@onestop.local", read.MessageId);
        Assert.Equal($"[Một cửa] Hồ sơ {Code}: Đã tiếp nhận", read.Subject);
        Assert.Equal("hoa@example.test", read.To.Mailboxes.Single().Address);
        Assert.Contains($"Kính gửi ông/bà Nguyễn Thị Hoa", read.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(read.Attachments));
        Assert.Equal("TT03-2025-01.html", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(receipt, Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public void Stripping_diacritics_turns_every_Vietnamese_letter_into_its_plain_latin_one()
    {
        Assert.Equal("Dang Thi Huong", NotificationTemplates.StripDiacritics("Đặng Thị Hường"));
        Assert.Equal("aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo oooooo oooooo uuuuuu uuuuuu yyyyyy dd",
            NotificationTemplates.StripDiacritics("aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đd"));
        Assert.Equal("AAAAAA AAAAAA AAAAAA EEEEEE EEEEEE IIIIII OOOOOO OOOOOO OOOOOO UUUUUU UUUUUU YYYYYY DD",
            NotificationTemplates.StripDiacritics("AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ ĐD"));
        // Text typed with combining marks (decomposed) comes out the same.
        Assert.Equal("Dang Thi Huong", NotificationTemplates.StripDiacritics("Đặng Thị Hường".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public async Task The_received_sms_is_plain_ascii_with_the_option_on_and_keeps_its_marks_with_it_off()
    {
        var plain = Templates(new NotificationOptions { TemplatesPath = Path.Combine(Repository.Root, "templates"), Sms = { StripDiacritics = true } });
        var marked = Templates(new NotificationOptions { TemplatesPath = Path.Combine(Repository.Root, "templates") });

        var ascii = await plain.SmsAsync(NotificationKinds.Received, Model("Đặng Thị Hường"), CancellationToken.None);
        var vietnamese = await marked.SmsAsync(NotificationKinds.Received, Model("Đặng Thị Hường"), CancellationToken.None);

        Assert.Equal($"Ho so {Code} da duoc tiep nhan ngay 02/03/2026; hen tra ket qua 09/03/2026.", ascii);
        Assert.All(ascii, c => Assert.True(char.IsAscii(c), $"'{c}' in {ascii}"));
        Assert.Equal($"Hồ sơ {Code} đã được tiếp nhận ngày 02/03/2026; hẹn trả kết quả 09/03/2026.", vietnamese);
    }

    [Fact]
    public async Task A_text_naming_the_applicant_and_a_long_procedure_is_cut_to_160_characters_with_an_ellipsis_and_keeps_the_code()
    {
        // An admin's received.sbn that greets the applicant and names the procedure (templates are editable).
        var templates = Path.Combine(folder, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "sms"));
        await File.WriteAllTextAsync(Path.Combine(templates, "sms", "received.sbn"),
            "Kính gửi {{ name }}: hồ sơ {{ code }} ({{ procedure }}) đã được tiếp nhận ngày {{ received }}; hẹn trả kết quả {{ appointment }}.\n");
        var plain = Templates(new NotificationOptions { TemplatesPath = templates, Sms = { StripDiacritics = true } });
        var marked = Templates(new NotificationOptions { TemplatesPath = templates });
        var whole = $"Kinh gui Dang Thi Huong: ho so {Code} (Lien thong cac thu tuc hanh chinh ve dang ky khai sinh, dang ky thuong tru, "
            + "cap the bao hiem y te cho tre em duoi 6 tuoi) da duoc tiep nhan ngay 02/03/2026; hen tra ket qua 09/03/2026.";
        Assert.True(whole.Length > 160);

        var ascii = await plain.SmsAsync(NotificationKinds.Received, Model("Đặng Thị Hường", LongProcedure), CancellationToken.None);
        var vietnamese = await marked.SmsAsync(NotificationKinds.Received, Model("Đặng Thị Hường", LongProcedure), CancellationToken.None);

        Assert.InRange(ascii.Length, 150, 160);
        Assert.EndsWith("...", ascii, StringComparison.Ordinal);
        Assert.StartsWith(ascii[..^3], whole, StringComparison.Ordinal);
        Assert.Contains(Code, ascii, StringComparison.Ordinal);
        Assert.All(ascii, c => Assert.True(char.IsAscii(c), $"'{c}' in {ascii}"));

        Assert.InRange(vietnamese.Length, 150, 160);
        Assert.EndsWith("...", vietnamese, StringComparison.Ordinal);
        Assert.StartsWith($"Kính gửi Đặng Thị Hường: hồ sơ {Code} (Liên thông", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_gets_the_configured_method_url_headers_content_type_and_body_and_its_message_id_is_kept()
    {
        using var gateway = new SmsGatewayStub { MessageId = "gw-0042" };
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(gateway, clock);
        var row = await EnqueueSmsAsync(app, clock);

        Assert.Equal(1, await app.Services.GetRequiredService<NotificationDispatcher>().DispatchOnceAsync());

        var request = Assert.Single(gateway.Received);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/sms/send?account=onestop", request.PathAndQuery);
        Assert.Equal("k-123", request.Headers["X-Api-Key"]);
        Assert.Equal("TTHCC", request.Headers["Brandname"]);
        Assert.Equal(row.IdempotencyKey, request.Headers["X-Request-Id"]);
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
        Assert.StartsWith("text/plain", request.ContentType, StringComparison.Ordinal);
        Assert.Equal($"0912345678|{row.IdempotencyKey}|Ho so {Code} da duoc tiep nhan ngay 02/03/2026; hen tra ket qua 09/03/2026.", request.Body);
        var sent = await RowAsync(app, row.Id);
        Assert.Equal((OutboxState.Sent, 1, "gw-0042"), (sent.State, sent.Attempts, sent.ProviderMessageId));
    }

    [Fact]
    public async Task A_gateway_that_answers_503_is_retried_after_a_doubling_delay_with_the_same_key_and_text_then_failed_after_max_attempts()
    {
        using var gateway = new SmsGatewayStub { Status = HttpStatusCode.ServiceUnavailable };
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(gateway, clock, new() { ["Notifications:MaxAttempts"] = "3" });
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        var row = await EnqueueSmsAsync(app, clock);

        await dispatcher.DispatchOnceAsync();
        var first = await RowAsync(app, row.Id);
        Assert.Equal((OutboxState.Pending, 1, (string?)null), (first.State, first.Attempts, first.LeaseOwner));
        Assert.Equal("SMS gateway answered 503 Service Unavailable", first.LastError);
        // RetryDelay 30 s with ±20 % jitter.
        Assert.InRange(first.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));

        // Not before its time.
        clock.Set(first.NextAttemptAt.AddSeconds(-1));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync());
        Assert.Single(gateway.Received);

        clock.Set(first.NextAttemptAt);
        Assert.Equal(1, await dispatcher.DispatchOnceAsync());
        var second = await RowAsync(app, row.Id);
        Assert.Equal((OutboxState.Pending, 2), (second.State, second.Attempts));
        Assert.InRange(second.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));

        clock.Set(second.NextAttemptAt);
        Assert.Equal(1, await dispatcher.DispatchOnceAsync());
        var failed = await RowAsync(app, row.Id);
        Assert.Equal((OutboxState.Failed, 3, (DateTimeOffset?)null), (failed.State, failed.Attempts, failed.SentAt));
        Assert.Equal("SMS gateway answered 503 Service Unavailable", failed.LastError);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync());
        Assert.Equal(3, gateway.Received.Count);
        Assert.All(gateway.Received, r => Assert.Equal(row.IdempotencyKey, r.Headers["X-Request-Id"]));
        Assert.Single(gateway.Received.Select(r => r.Body).Distinct());
        Assert.Equal(failed.Body, gateway.Received.First().Body.Split('|', 3)[2]);
    }

    private static MimeMessage Mail(string messageId, string subject, string receipt)
    {
        var message = new MimeMessage { MessageId = messageId, Subject = subject, Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)) };
        message.From.Add(MailboxAddress.Parse("OneStop <no-reply@onestop.local>"));
        message.To.Add(MailboxAddress.Parse("hoa@example.test"));
        var body = new BodyBuilder { HtmlBody = "<p>Kính gửi ông/bà Nguyễn Thị Hoa,</p>" };
        body.Attachments.Add("TT03-2025-01.html", Encoding.UTF8.GetBytes(receipt), new ContentType("text", "html") { Charset = "utf-8" });
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The frozen model of a received dossier, as <c>OutboxInterceptor</c> builds it.</summary>
    private static string Model(string name, string procedure = "Cấp Phiếu lý lịch tư pháp") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["kind"] = NotificationKinds.Received,
        ["code"] = Code,
        ["procedure"] = procedure,
        ["name"] = name,
        ["status"] = 2,
        ["status_name"] = "Đã tiếp nhận",
        ["received"] = "02/03/2026",
        ["appointment"] = "09/03/2026",
        ["time"] = "09 giờ 00 phút, ngày 02 tháng 3 năm 2026",
        ["reason"] = null,
    });

    private NotificationChannels Channels(NotificationOptions options) =>
        new(Options.Create(options), new ConfigurationBuilder().Build(), Production());

    private NotificationTemplates Templates(NotificationOptions options) =>
        new(Options.Create(options), new ConfigurationBuilder().Build(), Production());

    private HostingEnvironment Production() => new() { EnvironmentName = Environments.Production, ContentRootPath = folder };

    /// <summary>The Host with the dispatcher's loop off, SMS to <paramref name="gateway"/> as configured below, on <paramref name="clock"/>.</summary>
    private static Task<OneStopApp> StartAsync(SmsGatewayStub gateway, FakeClock clock, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Enabled"] = "false",
            ["Notifications:Sms:StripDiacritics"] = "true",
            ["Notifications:Sms:Gateway:Url"] = gateway.Url + "send?account=onestop",
            ["Notifications:Sms:Gateway:Method"] = "PUT",
            ["Notifications:Sms:Gateway:Headers:X-Api-Key"] = "k-123",
            ["Notifications:Sms:Gateway:Headers:Brandname"] = "TTHCC",
            ["Notifications:Sms:Gateway:IdempotencyHeader"] = "X-Request-Id",
            ["Notifications:Sms:Gateway:ContentType"] = "text/plain",
            ["Notifications:Sms:Gateway:BodyTemplate"] = "{{ phone }}|{{ key }}|{{ text }}",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return OneStopApp.StartAsync(settings, services: s => s.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>One pending SMS of a received dossier, as the interceptor would have enqueued it.</summary>
    private static async Task<OutboxMessage> EnqueueSmsAsync(OneStopApp app, FakeClock clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var message = OutboxInterceptor.New(NotificationChannel.Sms, "0912345678", NotificationKinds.Received, null, Model("Đặng Thị Hường"),
            $"{NotificationKinds.Received}.{Guid.CreateVersion7():N}", clock.GetUtcNow(), null);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private static async Task<OutboxMessage> RowAsync(OneStopApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
