using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Inbox;

/// <summary>
/// The department inbox, used by the API and the pages alike: lists the open steps an officer may work on, claims and
/// releases them, completes them through the engine (the history records who, which outcome and why), and lists the
/// dossiers and steps due within one working day or overdue.
/// </summary>
public sealed class InboxService(OneStopDbContext db, WorkflowEngine engine, CalendarService calendars, DossierFileStore files, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>The outcome that asks the citizen for documents (form 02): it needs a reason and the documents.</summary>
    public const string SupplementOutcome = "Yêu cầu bổ sung";

    /// <summary>Outcomes that send the dossier back or refuse it: the officer must say why.</summary>
    public static readonly IReadOnlyList<string> OutcomesNeedingComment = ["Trả lại", "Từ chối"];

    private const int MaxText = 4000;

    private static readonly DossierStatus[] OpenStatuses =
        [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment];

    public async Task<InboxPage> ListAsync(ClaimsPrincipal user, InboxQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var access = InboxAccess.Of(user);
        var tasks = access.Visible(db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open));
        if (query.IsMine)
        {
            var me = access.UserName;
            tasks = tasks.Where(t => t.Assignee == me || db.TaskClaims.Any(c => c.TaskId == t.Id && c.UserName == me));
        }

        // The due state needs the working calendar, so filtering by it, sorting and paging happen here; an inbox holds
        // a unit's open steps (tens to hundreds), not the province's.
        var rows = await RowsAsync(tasks, cancellationToken);
        var procedures = rows.Select(r => new ProcedureOption(r.ProcedureCode, r.ProcedureName)).DistinctBy(p => p.Code)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        IEnumerable<InboxRowDto> selected = rows;
        if (!string.IsNullOrWhiteSpace(query.Procedure))
        {
            selected = selected.Where(r => r.ProcedureCode == query.Procedure.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            selected = selected.Where(r => string.Equals(r.State, query.Status.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        selected = string.Equals(query.Sort, InboxQuery.SortReceived, StringComparison.OrdinalIgnoreCase)
            ? selected.OrderBy(r => r.ReceivedAt).ThenBy(r => r.DueAt)
            : selected.OrderBy(r => r.DueAt).ThenBy(r => r.ReceivedAt);
        var list = selected.ToList();
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (list.Count + PageSize - 1) / PageSize));
        return new InboxPage(list.Count, page, PageSize, [.. list.Skip((page - 1) * PageSize).Take(PageSize)], procedures);
    }

    public async Task<InboxResult<InboxTaskDto>> GetAsync(ClaimsPrincipal user, string taskId, CancellationToken cancellationToken)
    {
        var (task, dossier) = await FindAsync(user, taskId, cancellationToken);
        if (task is null || dossier is null)
        {
            return InboxResults.Fail<InboxTaskDto>(InboxFailure.NotFound, NotFoundText(taskId));
        }

        var access = InboxAccess.Of(user);
        if (!access.CanSee(task))
        {
            return InboxResults.Fail<InboxTaskDto>(InboxFailure.Forbidden, ForbiddenText);
        }

        var claim = await db.TaskClaims.AsNoTracking().FirstOrDefaultAsync(c => c.TaskId == task.Id, cancellationToken);
        var history = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var steps = await DossiersApi.OpenStepsAsync(db, dossier.Code, cancellationToken);
        var attached = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id).OrderBy(f => f.AddedAt).ToListAsync(cancellationToken);
        var (hours, state) = Measure(task.DueAt ?? dossier.AppointmentAt);
        var open = task.Status == UserTaskStatus.Open;
        var outcomes = OutcomesOf(task);
        var targets = open && CanTransfer(access, task) ? await TransferTargetsAsync(task, cancellationToken) : [];
        return InboxResults.Ok<InboxTaskDto>(new InboxTaskDto(task.Id, task.ElementId, task.Name, task.Department, task.Role, task.Status.ToString(),
            task.CreatedAt, task.DueAt ?? dossier.AppointmentAt, hours, state, claim?.UserName ?? task.Assignee, outcomes,
            CanComplete: open && access.CanWork(task) && (claim is null || claim.UserName == access.UserName),
            CanClaim: open && claim is null,
            CanRelease: open && claim is not null && (claim.UserName == access.UserName || access.HeadsUnitOf(task)),
            AsksSupplement: outcomes.Contains(SupplementOutcome),
            DossierDto.From(dossier), [.. history.Select(DossierEventDto.From)], steps,
            [.. attached.Select(f => new DossierFileDto(f.Id, f.FileName, f.ContentType, f.Length, f.Kind.ToString(), f.AddedAt, f.AddedBy))],
            targets));
    }

    /// <summary>
    /// Transfers the step to another department of the same agency (chuyển phòng), with the reason: by the head of the
    /// step's department or the agency's leader. The step keeps its due time; a claim on it is dropped.
    /// </summary>
    public async Task<InboxResult<string>> TransferAsync(ClaimsPrincipal user, string taskId, TransferTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = InboxAccess.Of(user);
        var (task, _, failure) = await FindOpenAsync(user, taskId, t => CanTransfer(access, t), cancellationToken);
        if (failure is not null)
        {
            return InboxResults.Fail<string>(failure.Value.Failure, failure.Value.Message);
        }

        var department = Clean(request.Department);
        var comment = Clean(request.Comment);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (department is null || !(await TransferTargetsAsync(task!, cancellationToken)).Any(t => t.Unit == department))
        {
            errors["department"] = ["Chọn một phòng khác của cơ quan để chuyển bước xử lý."];
        }

        if (comment is null)
        {
            errors["comment"] = ["Nêu lý do chuyển phòng."];
        }

        if (errors.Count > 0)
        {
            return InboxResults.Fail<string>(InboxFailure.Invalid, "Thông tin chuyển phòng chưa hợp lệ (invalid transfer)", errors);
        }

        try
        {
            using var _ = DossierCommand.Begin(new DossierCommand(access.UserName, comment));
            await engine.TransferUserTaskAsync(task!.Id, department!, access.UserName, cancellationToken);
        }
        catch (TaskNotOpenException)
        {
            return InboxResults.Fail<string>(InboxFailure.Conflict, NotOpenText);
        }
        catch (ConcurrencyConflictException)
        {
            return InboxResults.Fail<string>(InboxFailure.Conflict,
                "Hồ sơ vừa được người khác cập nhật; tải lại trang và thử lại (the dossier changed meanwhile).");
        }

        await db.TaskClaims.Where(c => c.TaskId == task.Id).ExecuteDeleteAsync(cancellationToken);
        return InboxResults.Ok<string>(department!);
    }

    private static bool CanTransfer(InboxAccess access, UserTaskRow task) =>
        access.HeadsUnitOf(task)
        || (access.IsLeader && access.Agency is not null && task.Department?.StartsWith(access.Agency + "/", StringComparison.Ordinal) == true);

    /// <summary>The other active departments of the step's agency.</summary>
    private async Task<List<TransferTarget>> TransferTargetsAsync(UserTaskRow task, CancellationToken cancellationToken)
    {
        var agency = task.Department?.Split('/')[0];
        if (string.IsNullOrEmpty(agency))
        {
            return [];
        }

        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive && d.Agency!.Code == agency).OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        return [.. departments.Select(d => new TransferTarget($"{agency}/{d.Code}", d.Name)).Where(t => t.Unit != task.Department)];
    }

    /// <summary>Takes the task for the user ("assigned to me"); claiming one's own claim again changes nothing.</summary>
    public async Task<InboxResult<string>> ClaimAsync(ClaimsPrincipal user, string taskId, CancellationToken cancellationToken)
    {
        var access = InboxAccess.Of(user);
        var (task, dossier, failure) = await FindOpenAsync(user, taskId, access.CanSee, cancellationToken);
        if (failure is not null)
        {
            return InboxResults.Fail<string>(failure.Value.Failure, failure.Value.Message);
        }

        var claim = await db.TaskClaims.FirstOrDefaultAsync(c => c.TaskId == task!.Id, cancellationToken);
        if (claim is not null)
        {
            return claim.UserName == access.UserName
                ? InboxResults.Ok<string>(claim.UserName)
                : InboxResults.Fail<string>(InboxFailure.Conflict, ClaimedText(claim.UserName));
        }

        var now = time.GetUtcNow();
        db.TaskClaims.Add(new TaskClaim { TaskId = task!.Id, UserName = access.UserName, ClaimedAt = now });
        db.DossierEvents.Add(Event(dossier!, task, now, access.UserName, DossierActions.TaskClaimed));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone claimed it a moment earlier (the task id is the claim's key).
            return InboxResults.Fail<string>(InboxFailure.Conflict, ClaimedText(null));
        }

        return InboxResults.Ok<string>(access.UserName);
    }

    /// <summary>Gives the task back to the department: by the one who claimed it, or by the department head.</summary>
    public async Task<InboxResult<string>> ReleaseAsync(ClaimsPrincipal user, string taskId, CancellationToken cancellationToken)
    {
        var access = InboxAccess.Of(user);
        var (task, dossier, failure) = await FindOpenAsync(user, taskId, access.CanSee, cancellationToken);
        if (failure is not null)
        {
            return InboxResults.Fail<string>(failure.Value.Failure, failure.Value.Message);
        }

        var claim = await db.TaskClaims.FirstOrDefaultAsync(c => c.TaskId == task!.Id, cancellationToken);
        if (claim is null)
        {
            return InboxResults.Ok<string>(access.UserName);
        }

        if (claim.UserName != access.UserName && !access.HeadsUnitOf(task!))
        {
            return InboxResults.Fail<string>(InboxFailure.Conflict, ClaimedText(claim.UserName));
        }

        db.TaskClaims.Remove(claim);
        db.DossierEvents.Add(Event(dossier!, task!, time.GetUtcNow(), access.UserName, DossierActions.TaskReleased,
            comment: claim.UserName == access.UserName ? null : claim.UserName));
        await db.SaveChangesAsync(cancellationToken);
        return InboxResults.Ok<string>(access.UserName);
    }

    /// <summary>
    /// Completes the step with the chosen outcome: checks unit, role, claim and the fields the outcome needs, stores the
    /// attachments, then lets the engine move the flow on (the history records the user and the comment).
    /// </summary>
    public async Task<InboxResult<CompletedTask>> CompleteAsync(ClaimsPrincipal user, string taskId, CompleteTaskRequest request,
        IReadOnlyList<IncomingFile> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attachments);
        var access = InboxAccess.Of(user);
        var (task, dossier, failure) = await FindOpenAsync(user, taskId, access.CanWork, cancellationToken);
        if (failure is not null)
        {
            return InboxResults.Fail<CompletedTask>(failure.Value.Failure, failure.Value.Message);
        }

        var claim = await db.TaskClaims.FirstOrDefaultAsync(c => c.TaskId == task!.Id, cancellationToken);
        if (claim is not null && claim.UserName != access.UserName)
        {
            return InboxResults.Fail<CompletedTask>(InboxFailure.Conflict, ClaimedText(claim.UserName));
        }

        var outcome = Clean(request.Outcome);
        var comment = Clean(request.Comment);
        var errors = Validate(task!, outcome, comment, request, attachments);
        if (errors.Count > 0)
        {
            return InboxResults.Fail<CompletedTask>(InboxFailure.Invalid, "Thông tin xử lý chưa hợp lệ (invalid step decision)",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var stored = new List<(IncomingFile File, string Sha256, long Length)>();
        foreach (var file in attachments)
        {
            await using var content = file.Open();
            var (sha, length) = await files.SaveAsync(content, cancellationToken);
            stored.Add((file, sha, length));
        }

        var supplement = outcome == SupplementOutcome
            ? new SupplementDetails(Clean(request.SupplementReason)!, SupplementDocuments(request))
            : null;
        try
        {
            using var _ = DossierCommand.Begin(new DossierCommand(access.UserName, comment, supplement));
            await engine.CompleteUserTaskAsync(task!.Id, new CompleteUserTaskRequest { Outcome = outcome, User = access.UserName }, cancellationToken);
        }
        catch (TaskNotOpenException)
        {
            return InboxResults.Fail<CompletedTask>(InboxFailure.Conflict, NotOpenText);
        }
        catch (ConcurrencyConflictException)
        {
            return InboxResults.Fail<CompletedTask>(InboxFailure.Conflict,
                "Hồ sơ vừa được người khác cập nhật; tải lại trang và thử lại (the dossier changed meanwhile).");
        }
        catch (ArgumentException ex) when (ex.ParamName == "request")
        {
            return InboxResults.Fail<CompletedTask>(InboxFailure.Invalid, "Thông tin xử lý chưa hợp lệ (invalid step decision)",
                new Dictionary<string, string[]> { ["outcome"] = [$"Kết quả \"{outcome}\" không có trong bước này."] });
        }

        var now = time.GetUtcNow();
        await db.TaskClaims.Where(c => c.TaskId == task.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var (file, sha, length) in stored)
        {
            db.DossierFiles.Add(new DossierFile
            {
                DossierId = dossier!.Id, Kind = request.AttachmentsAreResult ? DossierFileKind.Result : DossierFileKind.Attachment,
                FileName = FileName(file.FileName), ContentType = ContentType(file.ContentType),
                Length = length, Sha256 = sha, AddedAt = now, AddedBy = access.UserName,
            });
            db.DossierEvents.Add(Event(dossier, task, now, access.UserName, DossierActions.FileAttached, comment: FileName(file.FileName)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return InboxResults.Ok<CompletedTask>(new CompletedTask(dossier!.Code, task.Name ?? task.ElementId, outcome));
    }

    /// <summary>
    /// Open dossiers (status 2, 4, 5, 6) the user sees whose appointment is within one working day or past, and the open
    /// steps of the user's unit (every unit for centre staff and supervisors) due within one working day or past.
    /// </summary>
    /// <param name="kind"><see cref="DueStates.DueSoon"/>, <see cref="DueStates.Overdue"/>, or null for both.</param>
    public async Task<LatenessReport> LatenessAsync(ClaimsPrincipal user, string? kind, CancellationToken cancellationToken)
    {
        var calendar = calendars.Current;
        var now = time.GetUtcNow();
        // Anything due later than one working day from now (moved to the next working instant) is neither due soon nor late.
        var horizon = calendar.NextWorkingInstant(calendar.AddWorkingTime(now, IsoDuration.Parse("P1D")));
        bool Wanted(string state) => state != DueStates.Ok && (string.IsNullOrWhiteSpace(kind) || string.Equals(state, kind.Trim(), StringComparison.OrdinalIgnoreCase));

        var dossiers = await DossierAccess.Visible(db.Dossiers.AsNoTracking(), user)
            .Where(d => OpenStatuses.Contains(d.Status)
                && ((d.RescheduledDueAt == null && d.DueAt <= horizon) || (d.RescheduledDueAt != null && d.RescheduledDueAt <= horizon)))
            .ToListAsync(cancellationToken);
        var lateDossiers = dossiers
            .Select(d => (Dossier: d, Measure: Measure(d.AppointmentAt, now, calendar)))
            .Where(x => Wanted(x.Measure.State))
            .OrderBy(x => x.Dossier.AppointmentAt)
            .Select(x => new LateDossierDto(x.Dossier.Code, x.Dossier.ProcedureName, x.Dossier.Applicant.Name, x.Dossier.LeadAgencyCode,
                (int)x.Dossier.Status, DossierStatuses.NameOf(x.Dossier.Status), x.Dossier.ReceivedAt, x.Dossier.AppointmentAt, x.Measure.Hours,
                x.Measure.State))
            .ToList();

        var open = db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open && t.DueAt != null && t.DueAt <= horizon);
        var tasks = DossierAccess.SeesAll(user) ? open : InboxAccess.Of(user).Visible(open);
        var steps = (await RowsAsync(tasks, cancellationToken)).Where(r => Wanted(r.State)).OrderBy(r => r.DueAt).ToList();
        return new LatenessReport(lateDossiers, steps);
    }

    private async Task<List<InboxRowDto>> RowsAsync(IQueryable<UserTaskRow> tasks, CancellationToken cancellationToken)
    {
        var joined = await (
            from t in tasks
            join d in db.Dossiers on t.BusinessKey equals d.Code
            join c in db.TaskClaims on t.Id equals c.TaskId into claims
            from c in claims.DefaultIfEmpty()
            select new
            {
                Task = t, d.Code, d.ProcedureCode, d.ProcedureName, ApplicantName = d.Applicant.Name, d.ReceivedAt, d.DueAt, d.RescheduledDueAt,
                ClaimedBy = c == null ? null : c.UserName,
            }).ToListAsync(cancellationToken);
        var calendar = calendars.Current;
        var now = time.GetUtcNow();
        return [.. joined.Select(x =>
        {
            var due = x.Task.DueAt ?? x.RescheduledDueAt ?? x.DueAt;
            var (hours, state) = Measure(due, now, calendar);
            return new InboxRowDto(x.Task.Id, x.Code, x.ProcedureCode, x.ProcedureName, x.ApplicantName, x.Task.Name, x.Task.ElementId,
                x.Task.Department, x.Task.Role, x.ReceivedAt, x.Task.CreatedAt, due, hours, state, x.ClaimedBy ?? x.Task.Assignee);
        })];
    }

    private (double Hours, string State) Measure(DateTimeOffset due) => Measure(due, time.GetUtcNow(), calendars.Current);

    private static (double Hours, string State) Measure(DateTimeOffset due, DateTimeOffset now, WorkingCalendar calendar)
    {
        var hours = Math.Round(Deadlines.Remaining(calendar, now, due).TotalHours, 2);
        var state = due < now ? DueStates.Overdue : Deadlines.IsDueSoon(calendar, now, due) ? DueStates.DueSoon : DueStates.Ok;
        return (hours, state);
    }

    /// <summary>The task and its dossier, or nulls when either is missing or the user may not see the dossier.</summary>
    private async Task<(UserTaskRow? Task, Dossier? Dossier)> FindAsync(ClaimsPrincipal user, string taskId, CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task?.BusinessKey is not { } code)
        {
            return (null, null);
        }

        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        return dossier is not null && DossierAccess.CanSee(user, dossier) ? (task, dossier) : (null, null);
    }

    /// <summary>The open task and its dossier when <paramref name="allowed"/> accepts the task; else why not (404, 409, 403).</summary>
    private async Task<(UserTaskRow? Task, Dossier? Dossier, (InboxFailure Failure, string Message)? Failure)> FindOpenAsync(
        ClaimsPrincipal user, string taskId, Func<UserTaskRow, bool> allowed, CancellationToken cancellationToken)
    {
        var (task, dossier) = await FindAsync(user, taskId, cancellationToken);
        if (task is null || dossier is null)
        {
            return (null, null, (InboxFailure.NotFound, NotFoundText(taskId)));
        }

        if (!allowed(task))
        {
            return (null, null, (InboxFailure.Forbidden, ForbiddenText));
        }

        return task.Status != UserTaskStatus.Open ? (null, null, (InboxFailure.Conflict, NotOpenText)) : (task, dossier, null);
    }

    private static Dictionary<string, List<string>> Validate(UserTaskRow task, string? outcome, string? comment, CompleteTaskRequest request,
        IReadOnlyList<IncomingFile> attachments)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var outcomes = OutcomesOf(task);
        if (outcomes.Count > 0 && outcome is null)
        {
            Add(errors, "outcome", "Chọn kết quả xử lý: " + string.Join(", ", outcomes) + ".");
        }
        else if (outcome is not null && !outcomes.Contains(outcome))
        {
            Add(errors, "outcome", outcomes.Count == 0
                ? "Bước này không có lựa chọn kết quả; để trống."
                : $"Kết quả \"{outcome}\" không có trong bước này (chọn: {string.Join(", ", outcomes)}).");
        }

        if (outcome is not null && OutcomesNeedingComment.Contains(outcome) && comment is null)
        {
            Add(errors, "comment", $"Nêu rõ lý do khi chọn \"{outcome}\".");
        }

        if (comment is { Length: > MaxText })
        {
            Add(errors, "comment", "Ý kiến tối đa 4.000 ký tự.");
        }

        if (outcome == SupplementOutcome)
        {
            var reason = Clean(request.SupplementReason);
            if (reason is null)
            {
                Add(errors, "supplementReason", "Nêu lý do yêu cầu bổ sung, hoàn thiện hồ sơ.");
            }
            else if (reason.Length > MaxText)
            {
                Add(errors, "supplementReason", "Lý do tối đa 4.000 ký tự.");
            }

            var documents = SupplementDocuments(request);
            if (documents.Count == 0)
            {
                Add(errors, "supplementDocuments", "Liệt kê ít nhất một giấy tờ cần bổ sung.");
            }
            else if (string.Join('\n', documents).Length > MaxText)
            {
                Add(errors, "supplementDocuments", "Danh sách giấy tờ tối đa 4.000 ký tự.");
            }
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            if (attachments[i].Length > DossierFileStore.MaxFileLength)
            {
                Add(errors, $"attachments[{i}]", $"Tệp \"{FileName(attachments[i].FileName)}\" vượt quá 20 MB.");
            }
            else if (attachments[i].Length == 0)
            {
                Add(errors, $"attachments[{i}]", $"Tệp \"{FileName(attachments[i].FileName)}\" rỗng.");
            }
        }

        return errors;
    }

    /// <summary>The documents to supplement: each item, and each line of an item (the pages send one text box).</summary>
    private static List<string> SupplementDocuments(CompleteTaskRequest request) =>
        [.. (request.SupplementDocuments ?? []).SelectMany(d => (d ?? "").Split('\n')).Select(d => d.Trim()).Where(d => d.Length > 0)];

    private static List<string> OutcomesOf(UserTaskRow task) =>
        string.IsNullOrEmpty(task.Outcomes) ? [] : [.. task.Outcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static DossierEvent Event(Dossier dossier, UserTaskRow task, DateTimeOffset time, string actor, string action, string? comment = null) =>
        new() { DossierId = dossier.Id, Time = time, Actor = actor, Action = action, Unit = task.Department, Step = task.Name, Comment = comment };

    private static string FileName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(bare) ? "tep-dinh-kem" : bare.Length > 260 ? bare[^260..] : bare;
    }

    private static string ContentType(string? type) => string.IsNullOrWhiteSpace(type) || type.Length > 100 ? "application/octet-stream" : type;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    private static string NotFoundText(string taskId) => $"Không có việc {taskId}, hoặc hồ sơ không thuộc cơ quan của bạn.";

    private const string ForbiddenText = "Việc này thuộc đơn vị hoặc vai trò khác; bạn không được xử lý.";

    private const string NotOpenText = "Việc này đã được xử lý hoặc đã hủy.";

    private static string ClaimedText(string? userName) =>
        userName is null ? "Việc vừa được người khác nhận xử lý." : $"Việc đang do {userName} nhận xử lý.";
}

/// <summary>A completed step: the dossier, the step and the outcome chosen.</summary>
public sealed record CompletedTask(string DossierCode, string StepName, string? Outcome);
