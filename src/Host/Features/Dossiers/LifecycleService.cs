using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>Stable identifiers of the lifecycle actions' problems (ProblemDetails extension <c>code</c>).</summary>
public static class LifecycleCodes
{
    /// <summary>The dossier does not exist or is not the caller's to see.</summary>
    public const string NotFound = "OS6101";
    /// <summary>The caller's role or unit may not take this action on this dossier.</summary>
    public const string Forbidden = "OS6102";
    /// <summary>The request is incomplete or invalid (errors keyed by JSON path).</summary>
    public const string Invalid = "OS6103";
    /// <summary>The dossier's status does not allow the action.</summary>
    public const string WrongStatus = "OS6104";
    /// <summary>Someone changed the dossier meanwhile.</summary>
    public const string Concurrency = "OS6105";
    /// <summary>No open supplement request to receive.</summary>
    public const string NoOpenSupplement = "OS6106";
    /// <summary>The dossier already has an apology (drafted or approved).</summary>
    public const string ApologyExists = "OS6107";
    /// <summary>Less than one working day is left before the due time: too late to apologise.</summary>
    public const string ApologyTooLate = "OS6108";
    /// <summary>The apology was decided already.</summary>
    public const string ApologyDecided = "OS6109";
    /// <summary>The apology's new appointment is no longer after the due time.</summary>
    public const string ApologyDueMoved = "OS6110";
}

/// <summary>A problem a lifecycle action answers with: HTTP status, stable code, Vietnamese title and detail, field errors for 400.</summary>
public sealed record LifecycleProblem(int Status, string Code, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>The outcome of a lifecycle action: the dossier as saved (and the apology concerned), or the problem.</summary>
public sealed record LifecycleResult(Dossier? Dossier, LifecycleProblem? Problem, Apology? Apology = null)
{
    public static implicit operator LifecycleResult(LifecycleProblem problem) => new(null, problem);
}

/// <summary>
/// The officers' actions on a received dossier (ADR 0009): supplement received at the counter, apology and new
/// appointment (form 04), withdrawal (7), stop (8, form 05 of 2025) and the return of the result (10). Each action
/// checks visibility (404), role (403), input (400) and status (409), writes its history entry and saves the dossier
/// with its version incremented; the engine is driven after the save, so its hook sees the dossier as this action left it.
/// </summary>
public sealed class LifecycleService(OneStopDbContext db, WorkflowEngine engine, CalendarService calendars, DossierNotices notices,
    TimeProvider time, ILogger<LifecycleService> logger)
{
    /// <summary>The message the demo flows wait for while a supplement is outstanding, correlated by dossier code.</summary>
    public const string SupplementMessage = "bo-sung";

    private const int MaxText = 2000;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Statuses in which the dossier is still being decided (a result ready is no longer "in progress").</summary>
    private static readonly DossierStatus[] BeingDecided =
        [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment];

    /// <summary>The citizen brought the documents asked for (status 5): the clock moves per the procedure's supplement rule and the flow resumes.</summary>
    public async Task<LifecycleResult> ReceiveSupplementAsync(string code, SupplementReceivedRequest request, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken, ownerSees: true);
        if (dossier is null)
        {
            return problem!;
        }

        // The counter records documents brought on paper; the citizen who submitted online answers online (ADR 0011).
        var byCitizen = !IsCounter(user) && IsOwner(user, dossier);
        if (!IsCounter(user) && !byCitizen)
        {
            return Forbidden("Chỉ Bộ phận Tiếp nhận và Trả kết quả ghi nhận hồ sơ bổ sung.");
        }

        if (Invalid(("note", request.Note, false)) is { } invalid)
        {
            return invalid;
        }

        if (dossier.Status != DossierStatus.SupplementRequested)
        {
            return WrongStatus(dossier, "Hồ sơ không ở trạng thái chờ bổ sung");
        }

        var officer = Officer.Of(user);
        var now = time.GetUtcNow();
        var supplement = await db.DossierSupplements.Where(s => s.DossierId == dossier.Id && s.ReceivedAt == null)
            .OrderByDescending(s => s.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (supplement is null && dossier.SupplementState is SupplementState.Done or SupplementState.CitizenSent && dossier.WorkflowInstanceId is not null)
        {
            // Recorded earlier, but the flow did not resume (the engine failed after the save): only resume it.
            return await ResumeWorkflowAsync(dossier, officer, now, request.Note, cancellationToken);
        }

        if (supplement is null)
        {
            return Problem(StatusCodes.Status409Conflict, LifecycleCodes.NoOpenSupplement, "Không có yêu cầu bổ sung đang chờ",
                $"Hồ sơ {dossier.Code} không có phiếu yêu cầu bổ sung nào đang chờ công dân bổ sung.");
        }

        var calendar = calendars.Current;
        var procedure = await db.CatalogueProcedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        // A procedure removed from the catalogue since reception has no duration to restart from: the pause rule still applies.
        var rule = procedure?.SupplementRule ?? SupplementRule.Pause;
        var dueBefore = dossier.DueAt;
        // A supplement handed in on paper at the counter falls under the paper 15:00 rule on a restart; one sent online does not.
        var channel = byCitizen ? DossierChannel.Online : DossierChannel.Counter;
        dossier.DueAt = Deadlines.AfterSupplement(calendar, rule, dueBefore, supplement.RequestedAt, now, channel,
            procedure?.Duration ?? new ProcedureDuration());
        if (rule == SupplementRule.Restart)
        {
            dossier.ClockStartedAt = Deadlines.ClockStart(calendar, now, channel);
        }

        supplement.ReceivedAt = now;
        supplement.ReceivedBy = officer.UserName;
        dossier.SupplementState = byCitizen ? SupplementState.CitizenSent : SupplementState.Done;
        var ruleText = rule == SupplementRule.Restart ? "tính lại từ ngày nhận đủ hồ sơ bổ sung" : "cộng thời gian chờ bổ sung";
        AddEvent(dossier, now, officer, DossierActions.SupplementReceived, isPublic: true,
            comment: Join($"Hạn trả kết quả {Local(dueBefore)} → {Local(dossier.DueAt)} ({ruleText}).", request.Note));
        if (dossier.WorkflowInstanceId is null)
        {
            // No flow to resume: the dossier goes back to the status it had before the request.
            Resume(dossier, now, officer);
        }

        if (await SaveAsync(dossier, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return dossier.WorkflowInstanceId is null
            ? new LifecycleResult(dossier, null)
            : await ResumeWorkflowAsync(dossier, officer, now, request.Note, cancellationToken);
    }

    /// <summary>
    /// Delivers the supplement message; the flow re-enters its step and the hook sets the status back. A flow that
    /// does not wait for the message (no <c>bo-sung</c> receive task) gets the status resumed here.
    /// </summary>
    private async Task<LifecycleResult> ResumeWorkflowAsync(Dossier dossier, Officer officer, DateTimeOffset now, string? note,
        CancellationToken cancellationToken)
    {
        CorrelationResult correlation;
        using (DossierCommand.Begin(new DossierCommand(officer.UserName, Clean(note))))
        {
            correlation = await engine.CorrelateMessageAsync(SupplementMessage, dossier.Code,
                new Dictionary<string, JsonNode?> { ["supplementReceivedAt"] = now.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken);
        }

        await db.Entry(dossier).ReloadAsync(cancellationToken);
        if (!correlation.Correlated && dossier.Status == DossierStatus.SupplementRequested)
        {
            logger.LogWarning("Dossier {Code}: no workflow waits for message {Message}; status resumed directly", dossier.Code, SupplementMessage);
            Resume(dossier, now, officer);
            if (await SaveAsync(dossier, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }

        return new LifecycleResult(dossier, null);
    }

    /// <summary>
    /// Drafts the apology with a new appointment (form 04) for a department that handles or handled a step of the dossier.
    /// At most one per dossier, no later than one working day before the due time, with a new appointment after it.
    /// </summary>
    public async Task<LifecycleResult> DraftApologyAsync(string code, ApologyRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            return problem!;
        }

        var officer = Officer.Of(user);
        var isDepartmentOfficer = user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.DepartmentHead);
        if (!isDepartmentOfficer || officer.Unit is not { } unit
            || !await db.UserTasks.AnyAsync(t => t.BusinessKey == dossier.Code && t.Department == unit, cancellationToken))
        {
            return Forbidden("Chỉ chuyên viên hoặc trưởng phòng của phòng đã hoặc đang giải quyết hồ sơ mới lập văn bản xin lỗi.");
        }

        var errors = Errors(("reason", request.Reason, true));
        if (request.NewDueAt is not { } newDueAt)
        {
            Add(errors, "newDueAt", "Nhập ngày hẹn trả kết quả mới.");
        }
        else if (newDueAt <= dossier.DueAt)
        {
            Add(errors, "newDueAt", $"Ngày hẹn mới phải sau hạn trả kết quả hiện tại ({Local(dossier.DueAt)}).");
        }

        if (errors.Count > 0)
        {
            return InvalidRequest(errors);
        }

        if (!BeingDecided.Contains(dossier.Status))
        {
            return WrongStatus(dossier, "Hồ sơ không còn trong thời gian giải quyết");
        }

        // Decision: only a drafted or an approved apology counts as "the one apology" of the dossier. A rejected draft
        // never reached the citizen, so the department may draft a corrected one; a second approved apology is impossible.
        var existing = await db.DossierApologies.AsNoTracking()
            .Where(a => a.DossierId == dossier.Id && (a.State == ApologyState.Drafted || a.State == ApologyState.Approved))
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return Problem(StatusCodes.Status409Conflict, LifecycleCodes.ApologyExists, "Đã có văn bản xin lỗi cho hồ sơ này",
                $"Mỗi hồ sơ chỉ được xin lỗi và hẹn lại một lần; {existing.Unit} đã lập văn bản ngày {Local(existing.DraftedAt)} "
                + (existing.State == ApologyState.Approved ? "và văn bản đã được duyệt." : "và văn bản đang chờ duyệt."));
        }

        var now = time.GetUtcNow();
        var calendar = calendars.Current;
        if (Deadlines.Remaining(calendar, now, dossier.DueAt) < Deadlines.OneWorkingDay(calendar, now))
        {
            return Problem(StatusCodes.Status409Conflict, LifecycleCodes.ApologyTooLate, "Đã quá thời điểm lập văn bản xin lỗi",
                $"Văn bản xin lỗi phải lập chậm nhất một ngày làm việc trước hạn trả kết quả ({Local(dossier.DueAt)}); "
                + "nay còn chưa đến một ngày làm việc hoặc hồ sơ đã quá hạn.");
        }

        var apology = new Apology
        {
            DossierId = dossier.Id,
            DraftedAt = now,
            DraftedBy = officer.UserName,
            Unit = unit,
            Reason = request.Reason!.Trim(),
            NewDueAt = request.NewDueAt!.Value,
            State = ApologyState.Drafted,
        };
        db.DossierApologies.Add(apology);
        AddEvent(dossier, now, officer, DossierActions.ApologyDrafted, comment: $"Hẹn lại {Local(apology.NewDueAt)}: {apology.Reason}");
        return await SaveAsync(dossier, cancellationToken) is { } conflict ? conflict : new LifecycleResult(dossier, null, apology);
    }

    /// <summary>
    /// The head of the late department (or the agency's leader) approves the apology: the new appointment is stored
    /// beside the legal due time, which stays for the statistics, and form 04 is issued.
    /// </summary>
    public async Task<LifecycleResult> ApproveApologyAsync(string code, Guid apologyId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (dossier, apology, problem) = await LoadApologyForDecisionAsync(code, apologyId, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!BeingDecided.Contains(dossier!.Status))
        {
            return WrongStatus(dossier, "Hồ sơ không còn trong thời gian giải quyết");
        }

        if (apology!.NewDueAt <= dossier.DueAt)
        {
            return Problem(StatusCodes.Status409Conflict, LifecycleCodes.ApologyDueMoved, "Ngày hẹn mới không còn sau hạn trả kết quả",
                $"Hạn trả kết quả đã được lùi đến {Local(dossier.DueAt)} (hồ sơ bổ sung) sau khi lập văn bản; ngày hẹn mới {Local(apology.NewDueAt)} "
                + "không còn muộn hơn. Từ chối văn bản này và lập văn bản mới.");
        }

        var officer = Officer.Of(user);
        var now = time.GetUtcNow();
        apology.State = ApologyState.Approved;
        apology.DecidedAt = now;
        apology.DecidedBy = officer.UserName;
        dossier.RescheduledDueAt = apology.NewDueAt;
        AddEvent(dossier, now, officer, DossierActions.ApologyApproved, isPublic: true,
            comment: $"Hạn trả kết quả {Local(dossier.DueAt)}, hẹn lại {Local(apology.NewDueAt)}.");
        return await SaveWithNoticeAsync(dossier, NoticeForms.Apology, officer, apology.Reason, cancellationToken) is { } conflict
            ? conflict
            : new LifecycleResult(dossier, null, apology);
    }

    /// <summary>The head (or leader) rejects the drafted apology; the department may draft another.</summary>
    public async Task<LifecycleResult> RejectApologyAsync(string code, Guid apologyId, ApologyDecisionRequest? request, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var (dossier, apology, problem) = await LoadApologyForDecisionAsync(code, apologyId, user, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Invalid(("note", request?.Note, false)) is { } invalid)
        {
            return invalid;
        }

        var officer = Officer.Of(user);
        var now = time.GetUtcNow();
        apology!.State = ApologyState.Rejected;
        apology.DecidedAt = now;
        apology.DecidedBy = officer.UserName;
        AddEvent(dossier!, now, officer, DossierActions.ApologyRejected, comment: Clean(request?.Note));
        return await SaveAsync(dossier!, cancellationToken) is { } conflict ? conflict : new LifecycleResult(dossier, null, apology);
    }

    /// <summary>The apologies of a dossier, oldest first.</summary>
    public async Task<(IReadOnlyList<Apology>? Apologies, LifecycleProblem? Problem)> ListApologiesAsync(string code, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null || !DossierAccess.CanSee(user, dossier))
        {
            return (null, NotFound(code));
        }

        var apologies = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossier.Id).ToListAsync(cancellationToken);
        return ([.. apologies.OrderBy(a => a.DraftedAt)], null);
    }

    /// <summary>The citizen withdraws the dossier at the counter (status 7); its workflow is cancelled.</summary>
    public async Task<LifecycleResult> WithdrawAsync(string code, ReasonRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            return problem!;
        }

        if (!IsCounter(user))
        {
            return Forbidden("Chỉ Bộ phận Tiếp nhận và Trả kết quả nhận yêu cầu rút hồ sơ của công dân.");
        }

        return await EndAsync(dossier, DossierStatus.Withdrawn, DossierActions.Withdrawn, notice: null, request, user, cancellationToken);
    }

    /// <summary>
    /// The head or leader of an involved agency (or an admin) stops the processing (status 8) and issues the stop notice
    /// (form 05 of Circular 03/2025); the workflow is cancelled.
    /// </summary>
    public async Task<LifecycleResult> StopAsync(string code, ReasonRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            return problem!;
        }

        var isHead = user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.AgencyLeader);
        var mayStop = user.IsInRole(Roles.Admin) || (isHead && DossierAccess.AgencyOf(user) is { } agency && dossier.Involves(agency));
        if (!mayStop)
        {
            return Forbidden("Chỉ trưởng phòng hoặc lãnh đạo của cơ quan giải quyết hồ sơ (hoặc quản trị viên) mới dừng xử lý hồ sơ.");
        }

        return await EndAsync(dossier, DossierStatus.Stopped, DossierActions.Stopped, NoticeForms.StopNotice, request, user, cancellationToken);
    }

    /// <summary>
    /// Hands the result over (status 9 → 10): completes the flow's open counter step, whose end event sets status 10;
    /// a flow without such a step (or one that sets no status) is closed here. The hand-over slip is issued unless the
    /// flow issued a notice itself.
    /// </summary>
    public async Task<LifecycleResult> ReturnResultAsync(string code, ReturnResultRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            return problem!;
        }

        if (!IsCounter(user))
        {
            return Forbidden("Chỉ Bộ phận Tiếp nhận và Trả kết quả trả kết quả cho công dân.");
        }

        var errors = Errors(("note", request.Note, false));
        if (request.Delivery is not { } delivery || !Enum.IsDefined(delivery))
        {
            Add(errors, "delivery", "Chọn hình thức trả kết quả: Counter (tại quầy), Post (bưu chính) hoặc Online (trực tuyến).");
        }

        if (errors.Count > 0)
        {
            return InvalidRequest(errors);
        }

        if (dossier.Status != DossierStatus.ResultReady)
        {
            return WrongStatus(dossier, "Hồ sơ chưa có kết quả để trả");
        }

        var officer = Officer.Of(user);
        if (dossier.ResultDelivery != request.Delivery!.Value)
        {
            // Saved first: the flow's end event reads it to record how the result went out.
            dossier.ResultDelivery = request.Delivery.Value;
            if (await SaveAsync(dossier, cancellationToken) is { } changed)
            {
                return changed;
            }
        }

        var noticesBefore = await db.DossierNotices.CountAsync(n => n.DossierId == dossier.Id, cancellationToken);
        var step = await db.UserTasks.AsNoTracking()
            .Where(t => t.BusinessKey == dossier.Code && t.Status == UserTaskStatus.Open && t.Role == Roles.Reception)
            .OrderBy(t => t.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (step is not null)
        {
            try
            {
                using var command = DossierCommand.Begin(new DossierCommand(officer.UserName, Clean(request.Note)));
                await engine.CompleteUserTaskAsync(step.Id, new CompleteUserTaskRequest { User = officer.UserName }, cancellationToken);
            }
            catch (Exception ex) when (ex is TaskNotOpenException or ConcurrencyConflictException)
            {
                return Concurrency("Bước trả kết quả vừa được người khác xử lý; tải lại hồ sơ để xem trạng thái mới.");
            }

            await db.Entry(dossier).ReloadAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        if (dossier.Status == DossierStatus.ResultReady)
        {
            dossier.Status = DossierStatus.Returned;
            dossier.ReturnedAt = now;
            dossier.DeliveryState = dossier.ResultDelivery == ResultDelivery.Post ? DeliveryState.ByPost : DeliveryState.HandedOver;
            AddEvent(dossier, now, officer, DossierActions.Returned, DossierStatus.ResultReady, DossierStatus.Returned, isPublic: true,
                comment: Clean(request.Note));
        }

        var flowIssuedNotice = await db.DossierNotices.CountAsync(n => n.DossierId == dossier.Id, cancellationToken) > noticesBefore;
        if (!flowIssuedNotice)
        {
            return await SaveWithNoticeAsync(dossier, NoticeForms.Handover, officer, null, cancellationToken) is { } conflict
                ? conflict
                : new LifecycleResult(dossier, null);
        }

        if (db.ChangeTracker.HasChanges() && await SaveAsync(dossier, cancellationToken) is { } failed)
        {
            return failed;
        }

        return new LifecycleResult(dossier, null);
    }

    /// <summary>Withdrawal and stop: the status first (so the hook sees nothing to change), then the workflow's cancellation.</summary>
    private async Task<LifecycleResult> EndAsync(Dossier dossier, DossierStatus status, string action, string? notice, ReasonRequest request,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Invalid(("reason", request.Reason, true)) is { } invalid)
        {
            return invalid;
        }

        if (!BeingDecided.Contains(dossier.Status))
        {
            return WrongStatus(dossier, status == DossierStatus.Withdrawn ? "Không thể rút hồ sơ ở trạng thái này" : "Không thể dừng xử lý hồ sơ ở trạng thái này");
        }

        var officer = Officer.Of(user);
        var now = time.GetUtcNow();
        var reason = request.Reason!.Trim();
        var from = dossier.Status;
        dossier.PreviousStatus = from;
        dossier.Status = status;
        dossier.ResolvedAt = now;
        AddEvent(dossier, now, officer, action, from, status, isPublic: true, comment: reason);
        var conflict = notice is null
            ? await SaveAsync(dossier, cancellationToken)
            : await SaveWithNoticeAsync(dossier, notice, officer, reason, cancellationToken);
        if (conflict is not null)
        {
            return conflict;
        }

        if (dossier.WorkflowInstanceId is { } instanceId)
        {
            await CancelWorkflowAsync(dossier.Code, instanceId, reason, officer, cancellationToken);
        }

        return new LifecycleResult(dossier, null);
    }

    /// <summary>
    /// Cancels the dossier's instance. The dossier is already saved as ended, so a failure here is logged, not
    /// answered: an instance that ended meanwhile needs nothing, and a conflict is retried.
    /// </summary>
    private async Task CancelWorkflowAsync(string code, string instanceId, string reason, Officer officer, CancellationToken cancellationToken)
    {
        using var command = DossierCommand.Begin(new DossierCommand(officer.UserName, reason));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await engine.CancelAsync(instanceId, reason, officer.UserName, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Another command moved the instance a moment ago; cancel its new state.
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ConcurrencyConflictException)
            {
                logger.LogWarning(ex, "Dossier {Code}: workflow instance {Instance} was not cancelled", code, instanceId);
                return;
            }
        }
    }

    private async Task<(Dossier? Dossier, Apology? Apology, LifecycleProblem? Problem)> LoadApologyForDecisionAsync(string code, Guid apologyId,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (dossier, problem) = await LoadAsync(code, user, cancellationToken);
        if (dossier is null)
        {
            return (null, null, problem);
        }

        var apology = await db.DossierApologies.FirstOrDefaultAsync(a => a.Id == apologyId && a.DossierId == dossier.Id, cancellationToken);
        if (apology is null)
        {
            return (null, null, Problem(StatusCodes.Status404NotFound, LifecycleCodes.NotFound, "Không tìm thấy văn bản xin lỗi",
                $"Hồ sơ {dossier.Code} không có văn bản xin lỗi {apologyId}."));
        }

        var officer = Officer.Of(user);
        var isUnitHead = user.IsInRole(Roles.DepartmentHead) && officer.Unit == apology.Unit;
        var isLeader = user.IsInRole(Roles.AgencyLeader) && DossierAccess.AgencyOf(user) == apology.Unit.Split('/')[0];
        if (!isUnitHead && !isLeader)
        {
            return (null, null, Forbidden("Chỉ trưởng phòng của phòng lập văn bản hoặc lãnh đạo cơ quan mới duyệt văn bản xin lỗi."));
        }

        if (apology.State != ApologyState.Drafted)
        {
            return (null, null, Problem(StatusCodes.Status409Conflict, LifecycleCodes.ApologyDecided,
                apology.State == ApologyState.Approved ? "Văn bản xin lỗi đã được duyệt" : "Văn bản xin lỗi đã bị từ chối",
                $"{apology.DecidedBy} đã quyết định văn bản này lúc {Local(apology.DecidedAt!.Value)}."));
        }

        return (dossier, apology, null);
    }

    /// <summary>The dossier, tracked, when it exists and the user may see it; otherwise 404 (codes cannot be probed).</summary>
    private async Task<(Dossier? Dossier, LifecycleProblem? Problem)> LoadAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken,
        bool ownerSees = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        return dossier is not null && (DossierAccess.CanSee(user, dossier) || (ownerSees && IsOwner(user, dossier))) ? (dossier, null) : (null, NotFound(code));
    }

    /// <summary>True when <paramref name="user"/> is the citizen account that submitted <paramref name="dossier"/> online.</summary>
    internal static bool IsOwner(ClaimsPrincipal user, Dossier dossier) =>
        dossier.OwnerUserId is { } owner && user.IsInRole(Roles.Citizen) && Guid.TryParse(UserIdOf(user), out var id) && id == owner;

    /// <summary>The account id of the signed-in user: the <c>sub</c> claim (Identity's user id claim here), else the name identifier.</summary>
    internal static string? UserIdOf(ClaimsPrincipal user) =>
        user.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private static bool IsCounter(ClaimsPrincipal user) => user.IsInRole(Roles.Reception) || user.IsInRole(Roles.Admin);

    private void Resume(Dossier dossier, DateTimeOffset now, Officer officer)
    {
        var to = dossier.PreviousStatus ?? DossierStatus.InProgress;
        AddEvent(dossier, now, officer, DossierActions.StatusChanged, dossier.Status, to, isPublic: true);
        dossier.Status = to;
        dossier.PreviousStatus = null;
    }

    private void AddEvent(Dossier dossier, DateTimeOffset now, Officer officer, string action, DossierStatus? from = null, DossierStatus? to = null,
        bool isPublic = false, string? comment = null) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = officer.UserName, Action = action, FromStatus = from, ToStatus = to, Unit = officer.Unit,
            Comment = comment, Public = isPublic,
        });

    /// <summary>Saves with the dossier's version incremented; a concurrent change of the dossier is a 409.</summary>
    private async Task<LifecycleProblem?> SaveAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        dossier.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Concurrency("Hồ sơ vừa được người khác cập nhật; tải lại hồ sơ rồi thực hiện lại.");
        }
    }

    /// <summary>
    /// Saves the action, then issues the notice in the same transaction: the notice is built from the records as
    /// saved, and a failed notice leaves nothing half-written.
    /// </summary>
    private async Task<LifecycleProblem?> SaveWithNoticeAsync(Dossier dossier, string form, Officer officer, string? reason,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SaveAsync(dossier, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await notices.IssueAsync(db, dossier, form, officer.UserName, cancellationToken, reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm 'ngày' dd/MM/yyyy", Vietnamese);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Join(string first, string? note) => Clean(note) is { } extra ? first + " " + extra : first;

    private static Dictionary<string, List<string>> Errors(params (string Key, string? Text, bool Required)[] fields)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, text, required) in fields)
        {
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Add(errors, key, key == "reason" ? "Nêu rõ lý do." : "Nhập nội dung.");
            }
            else if (text is { Length: > MaxText })
            {
                Add(errors, key, $"Tối đa {MaxText} ký tự.");
            }
        }

        return errors;
    }

    private static LifecycleProblem? Invalid(params (string Key, string? Text, bool Required)[] fields) =>
        Errors(fields) is { Count: > 0 } errors ? InvalidRequest(errors) : null;

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    private static LifecycleProblem InvalidRequest(Dictionary<string, List<string>> errors) =>
        new(StatusCodes.Status400BadRequest, LifecycleCodes.Invalid, "Thông tin chưa hợp lệ", "Sửa các trường được nêu rồi gửi lại.",
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private static LifecycleProblem Problem(int status, string code, string title, string detail) => new(status, code, title, detail);

    private static LifecycleProblem NotFound(string code) => Problem(StatusCodes.Status404NotFound, LifecycleCodes.NotFound, "Không tìm thấy hồ sơ",
        $"Không có hồ sơ {code}, hoặc hồ sơ không thuộc cơ quan của bạn.");

    private static LifecycleProblem Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, LifecycleCodes.Forbidden, "Bạn không có quyền thực hiện thao tác này", detail);

    private static LifecycleProblem Concurrency(string detail) =>
        Problem(StatusCodes.Status409Conflict, LifecycleCodes.Concurrency, "Hồ sơ vừa thay đổi", detail);

    private static LifecycleProblem WrongStatus(Dossier dossier, string title) =>
        Problem(StatusCodes.Status409Conflict, LifecycleCodes.WrongStatus, title,
            $"Hồ sơ {dossier.Code} đang ở trạng thái {(int)dossier.Status} – {DossierStatuses.NameOf(dossier.Status)}.");
}

/// <summary>The supplement handed in at the counter.</summary>
public sealed record SupplementReceivedRequest(string? Note = null);

/// <summary>An apology with a new appointment (form 04).</summary>
public sealed record ApologyRequest(string? Reason, DateTimeOffset? NewDueAt);

/// <summary>A note on a decision about an apology (why it was rejected).</summary>
public sealed record ApologyDecisionRequest(string? Note = null);

/// <summary>Why the dossier is withdrawn or stopped.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>How the result went out, and a note for the history.</summary>
public sealed record ReturnResultRequest(ResultDelivery? Delivery, string? Note = null);

/// <summary>An apology as officers see it.</summary>
public sealed record ApologyDto(Guid Id, string Unit, string Reason, DateTimeOffset NewDueAt, ApologyState State, DateTimeOffset DraftedAt,
    string DraftedBy, DateTimeOffset? DecidedAt, string? DecidedBy)
{
    public static ApologyDto From(Apology a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Unit, a.Reason, a.NewDueAt, a.State, a.DraftedAt, a.DraftedBy, a.DecidedAt, a.DecidedBy);
    }
}

public static class LifecycleExtensions
{
    /// <summary>The lifecycle actions after reception (<see cref="LifecycleService"/>).</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddScoped<LifecycleService>();
        return services;
    }
}
