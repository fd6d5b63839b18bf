using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Inbox;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>History actions of the online channel (beside <see cref="DossierActions"/>).</summary>
public static class OnlineActions
{
    /// <summary>The citizen submitted the dossier online (status 1).</summary>
    public const string Submitted = "submitted";

    /// <summary>The online payment succeeded; the dossier enters the centre's queue.</summary>
    public const string Paid = "payment.paid";

    /// <summary>The citizen changed the channels of the notices.</summary>
    public const string NotificationsChanged = "notifications.changed";
}

/// <summary>
/// What the citizen typed on the submission form (the uploads come separately, one per document). Unset choices take
/// the defaults: notices on both channels, the result online for fully online procedures and at the counter otherwise.
/// </summary>
public sealed record SubmissionForm(string? Name, string? Email, string? Phone, string? IdNumber, string? Address, string? Request,
    ResultDelivery? Delivery = null, NotifyBy? NotifyBy = null);

/// <summary>The outcome of a citizen's action: the dossier, or errors keyed by field (<c>applicant.name</c>, <c>documents[1]</c>…).</summary>
public sealed record SubmissionResult(Dossier? Dossier, IReadOnlyDictionary<string, string[]> Errors, Uri? PaymentPage = null)
{
    public bool Succeeded => Dossier is not null;
}

/// <summary>
/// The citizen's online channel (ADR 0011): submission with uploads (status 1, code allocated in the dossier's
/// transaction, no workflow yet), the sandbox or real payment of fully online procedures, the citizen's own dossiers,
/// and the answer to a supplement request with new uploads. The centre's acceptance goes through <see cref="ReceptionService"/>.
/// </summary>
public sealed class OnlineSubmissionService(OneStopDbContext db, ReceptionService reception, LifecycleService lifecycle, DossierFileStore store,
    Uploads uploads, IPaymentProvider payments, CalendarService calendars, TimeProvider time)
{
    private const int MaxRequest = 2000;

    /// <summary>Who lapses unpaid submissions in the history.</summary>
    public const string SystemActor = "system";

    /// <summary>The citizen's account id, or null for anyone else.</summary>
    public static Guid? CitizenId(ClaimsPrincipal user) =>
        user is not null && user.IsInRole(Roles.Citizen) && Guid.TryParse(LifecycleService.UserIdOf(user), out var id) ? id : null;

    /// <summary>A procedure that may be submitted online today, with what the form needs; null otherwise.</summary>
    public async Task<Procedure?> OnlineProcedureAsync(Guid id, CancellationToken cancellationToken)
    {
        var procedure = await reception.LoadProcedureAsync(id, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendars.Current.TimeZone).DateTime);
        return procedure is { OnlineLevel: OnlineLevel.Partly or OnlineLevel.Fully, LeadAgency: not null }
            && procedure.EffectiveFrom <= today && !(procedure.EffectiveTo < today) ? procedure : null;
    }

    /// <summary>True when the procedure's online dossiers are paid online before the centre sees them.</summary>
    public static bool NeedsPayment(Procedure procedure) =>
        procedure is { OnlineLevel: OnlineLevel.Fully } && ReceptionService.FeeFor(procedure, 1) > 0;

    /// <summary>Checks and saves an online dossier: status 1, its code, the uploads as attachments and the history entry.</summary>
    public async Task<SubmissionResult> SubmitAsync(Procedure procedure, SubmissionForm form, IReadOnlyList<IFormFile?> files, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        var errors = new Dictionary<string, List<string>>();
        if (CitizenId(user) is not { } owner)
        {
            ReceptionService.Add(errors, "applicant", "Chỉ tài khoản công dân mới nộp hồ sơ trực tuyến.");
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        var applicant = new PartyDto(ApplicantKind.Citizen, form.Name ?? "", form.IdNumber, form.Phone, form.Email, form.Address);
        ReceptionService.ValidateParty(errors, "applicant", applicant, required: true);
        if (form.Request is { Length: > MaxRequest })
        {
            ReceptionService.Add(errors, "request", "Nội dung yêu cầu tối đa 2.000 ký tự.");
        }

        var delivery = form.Delivery ?? DefaultDelivery(procedure);
        var notifyBy = form.NotifyBy ?? (NotifyBy.Email | NotifyBy.Sms);
        ValidateChoices(errors, procedure, applicant, delivery, notifyBy);

        var documents = procedure.Documents.OrderBy(d => d.Position).ToList();
        var accepted = new List<(IFormFile File, string ContentType)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var file = i < files.Count ? files[i] : null;
            if (await Uploads.CheckAsync(file, uploads.RuleFor(documents[i]), cancellationToken) is { } error)
            {
                ReceptionService.Add(errors, $"documents[{i}]", error);
            }
            else
            {
                accepted.Add((file!, (await Uploads.SniffAsync(file!, cancellationToken))!));
            }
        }

        if (procedure.WorkflowKey is { } key && !await reception.HasPublishedFlowAsync(key, cancellationToken))
        {
            ReceptionService.Add(errors, "procedureId", "Thủ tục này tạm thời chưa nhận hồ sơ trực tuyến.");
        }

        if (errors.Count > 0)
        {
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        // Stored by content before the transaction: a file left over by a failed save is only an unreferenced blob.
        var stored = new List<(string Name, string ContentType, string Sha256, long Length)>();
        foreach (var (file, contentType) in accepted)
        {
            await using var content = file.OpenReadStream();
            var (sha, length) = await store.SaveAsync(content, cancellationToken);
            stored.Add((Uploads.FileName(file, contentType), contentType, sha, length));
        }

        var citizen = Officer.Of(user);
        var now = time.GetUtcNow();
        var fee = ReceptionService.FeeFor(procedure, 1);
        var payment = NeedsPayment(procedure) ? OnlinePayment.Pending : OnlinePayment.None;
        var dossier = await reception.CreateAsync(procedure, now, code => new Dossier
        {
            Code = code,
            ProcedureId = procedure.Id,
            ProcedureCode = procedure.LocalCode,
            ProcedureName = procedure.Name,
            LeadAgencyCode = procedure.LeadAgency!.Code,
            CooperatingAgencyCodes = ReceptionService.CooperatingCodes(procedure),
            Channel = DossierChannel.Online,
            Applicant = ReceptionService.ToParty(applicant),
            Request = ReceptionService.Clean(form.Request),
            ResultDelivery = delivery,
            NotifyBy = notifyBy,
            Status = DossierStatus.Registered,
            ReceivedAt = now,
            ReceivedBy = citizen.UserName,
            // No clock until the centre accepts it: both are set again then.
            ClockStartedAt = now,
            DueAt = now,
            FeeAmount = fee,
            OwnerUserId = owner,
            Payment = payment,
            Documents = [.. documents.Select((d, i) => new DossierDocument
            {
                Position = i, Name = d.Name, Originals = d.Originals, CertifiedCopies = d.CertifiedCopies, Photocopies = d.Photocopies,
            })],
        }, async dossier =>
        {
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, Time = now, Actor = citizen.UserName, Action = OnlineActions.Submitted, ToStatus = DossierStatus.Registered,
                Public = true, Comment = payment == OnlinePayment.Pending ? "Chờ thanh toán trực tuyến." : null,
            });
            db.DossierFiles.AddRange(stored.Select(f => new DossierFile
            {
                DossierId = dossier.Id, Kind = DossierFileKind.Attachment, FileName = f.Name, ContentType = f.ContentType, Length = f.Length,
                Sha256 = f.Sha256, AddedAt = now, AddedBy = citizen.UserName,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        return new SubmissionResult(dossier, ReceptionService.Freeze(errors),
            payment == OnlinePayment.Pending ? payments.Begin(PaymentOf(dossier)) : null);
    }

    /// <summary>The result of a fully online procedure comes online; any other at the counter unless the citizen chooses.</summary>
    public static ResultDelivery DefaultDelivery(Procedure procedure) =>
        procedure?.OnlineLevel == OnlineLevel.Fully ? ResultDelivery.Online : ResultDelivery.Counter;

    /// <summary>The ways of receiving the result this procedure offers online: electronic results only where it is fully online.</summary>
    public static IReadOnlyList<ResultDelivery> DeliveriesFor(Procedure procedure) => procedure?.OnlineLevel == OnlineLevel.Fully
        ? [ResultDelivery.Online, ResultDelivery.Counter, ResultDelivery.Post]
        : [ResultDelivery.Counter, ResultDelivery.Post];

    /// <summary>A chosen channel needs its contact; the post needs an address; electronic results need a fully online procedure.</summary>
    private static void ValidateChoices(Dictionary<string, List<string>> errors, Procedure procedure, PartyDto applicant, ResultDelivery delivery,
        NotifyBy notifyBy)
    {
        if (!DeliveriesFor(procedure).Contains(delivery))
        {
            ReceptionService.Add(errors, "resultDelivery", "Chọn một hình thức nhận kết quả mà thủ tục này cho phép.");
        }
        else if (delivery == ResultDelivery.Post && string.IsNullOrWhiteSpace(applicant.Address))
        {
            ReceptionService.Add(errors, "applicant.address", "Nhập địa chỉ để nhận kết quả qua bưu chính.");
        }

        if (notifyBy.HasFlag(NotifyBy.Email) && string.IsNullOrWhiteSpace(applicant.Email))
        {
            ReceptionService.Add(errors, "applicant.email", "Nhập thư điện tử để nhận thông báo qua thư điện tử, hoặc bỏ chọn kênh này.");
        }

        if (notifyBy.HasFlag(NotifyBy.Sms) && string.IsNullOrWhiteSpace(applicant.Phone))
        {
            ReceptionService.Add(errors, "applicant.phone", "Nhập số điện thoại để nhận tin nhắn, hoặc bỏ chọn kênh này.");
        }
    }

    /// <summary>The citizen changes the channels of the notices still to come on one of their dossiers.</summary>
    public async Task<SubmissionResult> ChangeNotificationsAsync(string code, NotifyBy notifyBy, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var dossier = await OwnedAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            ReceptionService.Add(errors, "code", "Không tìm thấy hồ sơ.");
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        if (notifyBy.HasFlag(NotifyBy.Email) && string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            ReceptionService.Add(errors, "notifyBy", "Hồ sơ không có thư điện tử để nhận thông báo.");
        }

        if (notifyBy.HasFlag(NotifyBy.Sms) && string.IsNullOrWhiteSpace(dossier.Applicant.Phone))
        {
            ReceptionService.Add(errors, "notifyBy", "Hồ sơ không có số điện thoại để nhận tin nhắn.");
        }

        if (errors.Count == 0 && dossier.NotifyBy != notifyBy)
        {
            var now = time.GetUtcNow();
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, Time = now, Actor = Officer.Of(user).UserName, Action = OnlineActions.NotificationsChanged,
                Comment = $"{dossier.NotifyBy} → {notifyBy}",
            });
            dossier.NotifyBy = notifyBy;
            dossier.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SubmissionResult(errors.Count == 0 ? dossier : null, ReceptionService.Freeze(errors));
    }

    /// <summary>The citizen's own dossier (tracked), or null: another citizen's dossier is "not found".</summary>
    public async Task<Dossier?> OwnedAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CitizenId(user) is not { } owner)
        {
            return null;
        }

        return await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code && d.OwnerUserId == owner, cancellationToken);
    }

    public PaymentRequest PaymentOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new PaymentRequest(dossier.Code, dossier.FeeAmount, $"Phí, lệ phí hồ sơ {dossier.Code} – {dossier.ProcedureName}");
    }

    public Uri PaymentPage(Dossier dossier) => payments.Begin(PaymentOf(dossier));

    /// <summary>The citizen came back from the payment page: a success marks the dossier paid and it enters the centre's queue.</summary>
    public async Task<SubmissionResult> CompletePaymentAsync(string code, IReadOnlyDictionary<string, string> callback, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var dossier = await OwnedAsync(code, user, cancellationToken);
        if (dossier is null || dossier.Payment != OnlinePayment.Pending || dossier.Status != DossierStatus.Registered)
        {
            ReceptionService.Add(errors, "payment", "Hồ sơ không chờ thanh toán.");
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        var result = await payments.CompleteAsync(PaymentOf(dossier), callback, cancellationToken);
        if (!result.Succeeded)
        {
            ReceptionService.Add(errors, "payment", result.Message ?? "Thanh toán không thành công.");
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        var now = time.GetUtcNow();
        dossier.Payment = OnlinePayment.Paid;
        dossier.PaymentReference = result.Reference;
        dossier.Version++;
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = Officer.Of(user).UserName, Action = OnlineActions.Paid, Public = true,
            Comment = $"Đã thanh toán {dossier.FeeAmount:N0} đồng qua {payments.Name} (mã giao dịch {result.Reference}).",
        });
        await db.SaveChangesAsync(cancellationToken);
        return new SubmissionResult(dossier, ReceptionService.Freeze(errors));
    }

    /// <summary>
    /// Submissions still unpaid when their payment window closed lapse: status 7 with the reason in the public history
    /// (and the citizen notified), never in the centre's queue, no longer payable. Returns how many lapsed.
    /// </summary>
    public async Task<int> ExpireUnpaidAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - window;
        var lapsed = await db.Dossiers
            .Where(d => d.Payment == OnlinePayment.Pending && d.Status == DossierStatus.Registered && d.ReceivedAt < cutoff)
            .OrderBy(d => d.ReceivedAt).Take(200).ToListAsync(cancellationToken);
        foreach (var dossier in lapsed)
        {
            dossier.PreviousStatus = dossier.Status;
            dossier.Status = DossierStatus.Withdrawn;
            dossier.Payment = OnlinePayment.Expired;
            dossier.Version++;
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = dossier.Id, Time = now, Actor = SystemActor, Action = DossierActions.Withdrawn, FromStatus = DossierStatus.Registered,
                ToStatus = DossierStatus.Withdrawn, Public = true,
                Comment = $"Quá hạn thanh toán trực tuyến ({window.TotalHours:0.#} giờ kể từ khi nộp); hồ sơ chưa được chuyển đến Trung tâm.",
            });
        }

        // A payment that arrives at the same moment wins through the row version: this sweep retries next round.
        await db.SaveChangesAsync(cancellationToken);
        return lapsed.Count;
    }

    /// <summary>
    /// The citizen answers a supplement request online (status 5) with new uploads: the files are attached and the
    /// supplement is received through <see cref="LifecycleService.ReceiveSupplementAsync"/> (due time moved, flow resumed).
    /// </summary>
    public async Task<SubmissionResult> SupplementAsync(string code, string? note, IReadOnlyList<IFormFile?> files, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new Dictionary<string, List<string>>();
        var dossier = await OwnedAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            ReceptionService.Add(errors, "code", "Không tìm thấy hồ sơ.");
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        if (dossier.Status != DossierStatus.SupplementRequested)
        {
            ReceptionService.Add(errors, "supplement", "Hồ sơ không ở trạng thái chờ bổ sung.");
        }

        var present = files.Where(f => f is { Length: > 0 }).ToList();
        if (present.Count == 0)
        {
            ReceptionService.Add(errors, "files[0]", "Tải lên ít nhất một tệp bổ sung.");
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is { Length: > 0 } file && await Uploads.CheckAsync(file, uploads.RuleFor(null), cancellationToken) is { } error)
            {
                ReceptionService.Add(errors, $"files[{i}]", error);
            }
        }

        if (note is { Length: > MaxRequest })
        {
            ReceptionService.Add(errors, "note", "Ghi chú tối đa 2.000 ký tự.");
        }

        if (errors.Count > 0)
        {
            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        var citizen = Officer.Of(user);
        var now = time.GetUtcNow();
        foreach (var file in present)
        {
            await using var content = file!.OpenReadStream();
            var (sha, length) = await store.SaveAsync(content, cancellationToken);
            var contentType = (await Uploads.SniffAsync(file, cancellationToken))!;
            db.DossierFiles.Add(new DossierFile
            {
                DossierId = dossier.Id, Kind = DossierFileKind.Attachment, FileName = Uploads.FileName(file, contentType), ContentType = contentType,
                Length = length, Sha256 = sha, AddedAt = now, AddedBy = citizen.UserName,
            });
        }

        var result = await lifecycle.ReceiveSupplementAsync(code, new SupplementReceivedRequest(note), user, cancellationToken);
        if (result.Problem is { } problem)
        {
            db.ChangeTracker.Clear();
            foreach (var (key, messages) in problem.Errors ?? new Dictionary<string, string[]> { ["supplement"] = [problem.Detail] })
            {
                foreach (var message in messages)
                {
                    ReceptionService.Add(errors, key, message);
                }
            }

            return new SubmissionResult(null, ReceptionService.Freeze(errors));
        }

        return new SubmissionResult(result.Dossier, ReceptionService.Freeze(errors));
    }
}

/// <summary>Registration of the online channel's services.</summary>
public static class OnlineSubmissionExtensions
{
    public static IServiceCollection AddOnlineSubmission(this IServiceCollection services)
    {
        services.AddSingleton<Uploads>();
        services.AddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        services.AddScoped<OnlineSubmissionService>();
        services.AddHostedService<UnpaidSubmissionSweeper>();
        return services;
    }
}

/// <summary>
/// Lapses online submissions not paid within <c>Portal:PaymentWindow</c> (24 hours by default), every
/// <c>Portal:PaymentSweepInterval</c> (10 minutes) on every node; a concurrent node or payment loses on the row version
/// and the next round sees the settled state.
/// </summary>
public sealed class UnpaidSubmissionSweeper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time,
    ILogger<UnpaidSubmissionSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = configuration.GetValue<TimeSpan?>("Portal:PaymentWindow") is { Ticks: > 0 } w ? w : DefaultWindow;
        var interval = configuration.GetValue<TimeSpan?>("Portal:PaymentSweepInterval") is { Ticks: > 0 } i ? i : TimeSpan.FromMinutes(10);
        await DatabaseRounds.RunAsync("Unpaid submissions", interval, async cancellationToken =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var lapsed = await scope.ServiceProvider.GetRequiredService<OnlineSubmissionService>().ExpireUnpaidAsync(window, cancellationToken);
            if (lapsed > 0)
            {
                logger.LogInformation("{Count} unpaid online submissions lapsed after {Window}", lapsed, window);
            }
        }, time, logger, stoppingToken);
    }
}
