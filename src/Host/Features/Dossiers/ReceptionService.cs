using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>The outcome of a reception: the dossier, or the errors keyed by request field (nothing saved).</summary>
public sealed record ReceptionResult(Dossier? Dossier, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Dossier is not null;
}

/// <summary>
/// Reception at the counter: checks the request, allocates the code and saves the dossier with its receipt in one
/// transaction, then starts the procedure's workflow with the code as business key. A refusal records the dossier with
/// status 3 and form 03.
/// </summary>
public sealed class ReceptionService(OneStopDbContext db, IDossierCodeGenerator codes, CalendarService calendars, WorkflowEngine engine,
    DossierNotices notices, TimeProvider time, ILogger<ReceptionService> logger)
{
    /// <summary>
    /// The agency's leadership (Ban Giám đốc): the leader's step goes there when the agency has one, else to the processing
    /// department (an agency leader sees the leader steps of every department of the agency).
    /// </summary>
    public const string LeadershipDepartment = "BGD";

    public async Task<ReceptionResult> ReceiveAsync(ReceiveDossierRequest request, Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officer);
        var procedure = await LoadProcedureAsync(request.ProcedureId, cancellationToken);
        var errors = Validate(request, procedure);
        if (procedure?.WorkflowKey is { } key && !await HasPublishedFlowAsync(key, cancellationToken))
        {
            Add(errors, "procedureId", $"Quy trình {key} của thủ tục chưa được ban hành; chưa thể tiếp nhận.");
        }

        if (errors.Count > 0)
        {
            return new ReceptionResult(null, Freeze(errors));
        }

        var now = time.GetUtcNow();
        var (clockStart, dueAt) = Schedule(procedure!, now, request.Channel);
        var documents = request.Documents.Count > 0
            ? request.Documents.Select((d, i) => new DossierDocument { Position = i, Name = d.Name.Trim(), Originals = d.Originals, CertifiedCopies = d.CertifiedCopies, Photocopies = d.Photocopies })
            : procedure!.Documents.OrderBy(d => d.Position).Select((d, i) => new DossierDocument { Position = i, Name = d.Name, Originals = d.Originals, CertifiedCopies = d.CertifiedCopies, Photocopies = d.Photocopies });
        var dossier = await CreateAsync(procedure!, now, code => new Dossier
        {
            Code = code,
            ProcedureId = procedure!.Id,
            ProcedureCode = procedure.LocalCode,
            ProcedureName = procedure.Name,
            LeadAgencyCode = procedure.LeadAgency!.Code,
            CooperatingAgencyCodes = CooperatingCodes(procedure),
            Channel = request.Channel,
            Applicant = ToParty(request.Applicant),
            Submitter = request.Submitter is null ? null : ToParty(request.Submitter),
            SubmittedByRepresentative = request.SubmittedByRepresentative,
            Request = Clean(request.Request),
            NumberOfSets = request.NumberOfSets,
            ResultDelivery = request.ResultDelivery,
            NotifyBy = request.NotifyBy & (NotifyBy.Email | NotifyBy.Sms),
            Status = DossierStatus.Received,
            ReceivedAt = now,
            ReceivedBy = officer.UserName,
            ClockStartedAt = clockStart,
            DueAt = dueAt,
            FeeAmount = FeeFor(procedure, request.FeeUnits),
            Documents = [.. documents],
        }, dossier => RecordReceptionAsync(dossier, officer, now, from: null, cancellationToken), cancellationToken);

        await StartWorkflowAsync(dossier, procedure!, officer, cancellationToken);
        return new ReceptionResult(dossier, Freeze(errors));
    }

    /// <summary>
    /// Accepts a dossier submitted online (status 1 → 2): the same reception as at the counter — history entry, receipt
    /// (form 01), the procedure's flow started — with the clock starting now (online, so no 15:00 paper rule).
    /// <paramref name="dossier"/> is tracked by this service's context.
    /// </summary>
    public async Task<ReceptionResult> AcceptOnlineAsync(Dossier dossier, Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(officer);
        var procedure = await LoadProcedureAsync(dossier.ProcedureId, cancellationToken);
        var errors = new Dictionary<string, List<string>>();
        if (procedure is null)
        {
            Add(errors, "procedureId", "Thủ tục của hồ sơ không còn trong danh mục; không thể tiếp nhận.");
        }
        else if (procedure.WorkflowKey is { } key && !await HasPublishedFlowAsync(key, cancellationToken))
        {
            Add(errors, "procedureId", $"Quy trình {key} của thủ tục chưa được ban hành; chưa thể tiếp nhận.");
        }

        if (dossier.Status != DossierStatus.Registered || dossier.Payment == OnlinePayment.Pending)
        {
            Add(errors, "status", $"Hồ sơ {dossier.Code} không ở trạng thái chờ tiếp nhận.");
        }

        if (errors.Count > 0)
        {
            return new ReceptionResult(null, Freeze(errors));
        }

        var now = time.GetUtcNow();
        (dossier.ClockStartedAt, dossier.DueAt) = Schedule(procedure!, now, dossier.Channel);
        dossier.Status = DossierStatus.Received;
        dossier.ReceivedAt = now;
        dossier.ReceivedBy = officer.UserName;
        dossier.Version++;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await RecordReceptionAsync(dossier, officer, now, DossierStatus.Registered, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await StartWorkflowAsync(dossier, procedure!, officer, cancellationToken);
        return new ReceptionResult(dossier, Freeze(errors));
    }

    /// <summary>Refuses a dossier submitted online (status 1 → 3) with the reason, issuing form 03.</summary>
    public async Task<ReceptionResult> RefuseOnlineAsync(Dossier dossier, string? reason, Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(officer);
        var errors = new Dictionary<string, List<string>>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            Add(errors, "reason", "Nêu rõ lý do từ chối tiếp nhận.");
        }
        else if (reason.Length > 2000)
        {
            Add(errors, "reason", "Lý do tối đa 2.000 ký tự.");
        }

        if (dossier.Status != DossierStatus.Registered || dossier.Payment == OnlinePayment.Pending)
        {
            Add(errors, "status", $"Hồ sơ {dossier.Code} không ở trạng thái chờ tiếp nhận.");
        }

        if (errors.Count > 0)
        {
            return new ReceptionResult(null, Freeze(errors));
        }

        var now = time.GetUtcNow();
        dossier.Status = DossierStatus.Refused;
        dossier.ReceivedBy = officer.UserName;
        dossier.ResolvedAt = now;
        dossier.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RecordRefusalAsync(dossier, officer, now, reason!.Trim(), DossierStatus.Registered, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReceptionResult(dossier, Freeze(errors));
    }

    public async Task<ReceptionResult> RefuseAsync(RefuseDossierRequest request, Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officer);
        var procedure = await LoadProcedureAsync(request.ProcedureId, cancellationToken);
        var errors = new Dictionary<string, List<string>>();
        if (procedure is null)
        {
            Add(errors, "procedureId", "Không tìm thấy thủ tục.");
        }

        ValidateParty(errors, "applicant", request.Applicant, required: true);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            Add(errors, "reason", "Nêu rõ lý do từ chối tiếp nhận.");
        }

        if (errors.Count > 0)
        {
            return new ReceptionResult(null, Freeze(errors));
        }

        var now = time.GetUtcNow();
        var reason = request.Reason.Trim();
        var dossier = await CreateAsync(procedure!, now, code => new Dossier
        {
            Code = code,
            ProcedureId = procedure!.Id,
            ProcedureCode = procedure.LocalCode,
            ProcedureName = procedure.Name,
            LeadAgencyCode = procedure.LeadAgency!.Code,
            Channel = request.Channel,
            Applicant = ToParty(request.Applicant),
            Request = Clean(request.Request),
            Status = DossierStatus.Refused,
            ReceivedAt = now,
            ReceivedBy = officer.UserName,
            ClockStartedAt = now,
            DueAt = now,
            ResolvedAt = now,
        }, dossier => RecordRefusalAsync(dossier, officer, now, reason, from: null, cancellationToken), cancellationToken);
        return new ReceptionResult(dossier, Freeze(errors));
    }

    /// <summary>
    /// Allocates the lead agency's next code and saves the dossier <paramref name="build"/> makes with it, then what
    /// <paramref name="record"/> adds (history, notice, files; it saves), all in one transaction.
    /// </summary>
    internal async Task<Dossier> CreateAsync(Procedure procedure, DateTimeOffset now, Func<string, Dossier> build, Func<Dossier, Task> record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(record);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dossier = build(await codes.NextAsync(db, procedure.LeadAgency!.Code, now, cancellationToken));
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken);
        await record(dossier);
        await transaction.CommitAsync(cancellationToken);
        return dossier;
    }

    /// <summary>The history entry of the reception and the receipt (form 01), saved.</summary>
    private async Task RecordReceptionAsync(Dossier dossier, Officer officer, DateTimeOffset now, DossierStatus? from, CancellationToken cancellationToken)
    {
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = officer.UserName, Action = DossierActions.Received, FromStatus = from,
            ToStatus = DossierStatus.Received, Unit = officer.Unit, Public = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        await notices.IssueAsync(db, dossier, NoticeForms.Receipt, officer.UserName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The history entry of the refusal and form 03 with the reason, saved.</summary>
    private async Task RecordRefusalAsync(Dossier dossier, Officer officer, DateTimeOffset now, string reason, DossierStatus? from,
        CancellationToken cancellationToken)
    {
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = officer.UserName, Action = DossierActions.Refused, FromStatus = from,
            ToStatus = DossierStatus.Refused, Unit = officer.Unit, Comment = reason, Public = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        await notices.IssueAsync(db, dossier, NoticeForms.Refusal, officer.UserName, cancellationToken, reason: reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When the legal clock starts for a dossier received now by <paramref name="channel"/>, and when it is due.</summary>
    private (DateTimeOffset ClockStart, DateTimeOffset Due) Schedule(Procedure procedure, DateTimeOffset now, DossierChannel channel)
    {
        var calendar = calendars.Current;
        var clockStart = Deadlines.ClockStart(calendar, now, channel);
        return (clockStart, Deadlines.Due(calendar, clockStart, procedure.Duration));
    }

    internal static string CooperatingCodes(Procedure procedure) =>
        string.Join(',', procedure.CooperatingAgencies.Select(a => a.Code).Order(StringComparer.Ordinal));

    /// <summary>The total fee due (VND) for <paramref name="units"/> pages or copies (1 when not given).</summary>
    internal static decimal FeeFor(Procedure procedure, int? units) =>
        procedure.FeeMode == FeeMode.Exempt ? 0 : procedure.Fees.Sum(f => f.AmountFor(Math.Max(1, units ?? 1)));

    /// <summary>
    /// Starts the workflow of a received dossier that has none yet (also the retry after a failed start): the code is the
    /// business key and <c>dossierCode</c> a variable, so supplements correlate by it.
    /// </summary>
    public async Task StartWorkflowAsync(Dossier dossier, Procedure procedure, Officer officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(procedure);
        if (procedure.WorkflowKey is not { } key || dossier.WorkflowInstanceId is not null)
        {
            return;
        }

        try
        {
            var variables = new Dictionary<string, JsonNode?>
            {
                ["dossierCode"] = dossier.Code,
                ["procedureCode"] = dossier.ProcedureCode,
                ["leadAgency"] = dossier.LeadAgencyCode,
                ["channel"] = dossier.Channel.ToString(),
            };
            // The lead agency's units, so one flow serves the procedures of every agency (os:department="${processingUnit}").
            if (procedure.ProcessingDepartmentCode is { } processing)
            {
                var hasLeadership = await db.Departments.AnyAsync(d => d.Agency!.Code == dossier.LeadAgencyCode && d.Code == LeadershipDepartment, cancellationToken);
                variables["processingUnit"] = $"{dossier.LeadAgencyCode}/{processing}";
                variables["leaderUnit"] = $"{dossier.LeadAgencyCode}/{(hasLeadership ? LeadershipDepartment : processing)}";
            }

            using var command = DossierCommand.Begin(new DossierCommand(officer.UserName));
            await engine.StartAsync(new StartInstanceRequest { Key = key, BusinessKey = dossier.Code, Variables = variables }, cancellationToken);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            // The dossier and its receipt are saved; the start can be retried once the flow is published again.
            logger.LogError(ex, "Dossier {Code}: workflow {Key} did not start", dossier.Code, key);
        }
    }

    internal async Task<Procedure?> LoadProcedureAsync(Guid id, CancellationToken cancellationToken) =>
        await db.CatalogueProcedures.Include(p => p.LeadAgency).Include(p => p.CooperatingAgencies)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    internal async Task<bool> HasPublishedFlowAsync(string key, CancellationToken cancellationToken) =>
        (await engine.GetDefinitionVersionsAsync(key, cancellationToken)).Any(d => d.Status == DefinitionStatus.Published);

    private Dictionary<string, List<string>> Validate(ReceiveDossierRequest request, Procedure? procedure)
    {
        var errors = new Dictionary<string, List<string>>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendars.Current.TimeZone).DateTime);
        if (procedure is null)
        {
            Add(errors, "procedureId", "Chọn thủ tục hành chính.");
        }
        else if (procedure.EffectiveFrom > today || procedure.EffectiveTo < today)
        {
            Add(errors, "procedureId", $"Thủ tục {procedure.LocalCode} không còn hiệu lực vào ngày {today:dd/MM/yyyy}.");
        }

        ValidateParty(errors, "applicant", request.Applicant, required: true);
        if (request.Submitter is not null)
        {
            ValidateParty(errors, "submitter", request.Submitter, required: false);
        }

        if (request.SubmittedByRepresentative && request.Submitter is null)
        {
            Add(errors, "submitter.name", "Nhập thông tin người được ủy quyền nộp hồ sơ.");
        }

        if (request.NumberOfSets is < 1 or > 20)
        {
            Add(errors, "numberOfSets", "Số bộ hồ sơ từ 1 đến 20.");
        }

        if (!Enum.IsDefined(request.Channel) || request.Channel == DossierChannel.Online)
        {
            Add(errors, "channel", "Tại quầy chỉ tiếp nhận hồ sơ giấy (trực tiếp hoặc qua bưu chính).");
        }

        if (!Enum.IsDefined(request.ResultDelivery))
        {
            Add(errors, "resultDelivery", "Chọn hình thức nhận kết quả.");
        }

        for (var i = 0; i < request.Documents.Count; i++)
        {
            var d = request.Documents[i];
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                Add(errors, $"documents[{i}].name", "Nhập tên giấy tờ.");
            }

            if (d.Originals < 0 || d.CertifiedCopies < 0 || d.Photocopies < 0 || d.Originals + d.CertifiedCopies + d.Photocopies == 0)
            {
                Add(errors, $"documents[{i}]", "Số lượng bản chính, bản sao chứng thực hoặc bản photo phải lớn hơn 0.");
            }
        }

        if (request.FeeUnits is < 1 or > 100_000)
        {
            Add(errors, "feeUnits", "Số trang, số bản tính phí từ 1 đến 100.000.");
        }

        return errors;
    }

    internal static void ValidateParty(Dictionary<string, List<string>> errors, string prefix, PartyDto? party, bool required)
    {
        if (party is null)
        {
            if (required)
            {
                Add(errors, prefix + ".name", "Nhập họ tên hoặc tên tổ chức.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(party.Name) || party.Name.Length > 300)
        {
            Add(errors, prefix + ".name", "Nhập họ tên hoặc tên tổ chức (tối đa 300 ký tự).");
        }

        if (party.IdNumber is { Length: > 0 } id && (id.Trim().Length is < 9 or > 13 || !id.Trim().All(char.IsAsciiLetterOrDigit)))
        {
            Add(errors, prefix + ".idNumber", "Số giấy tờ tùy thân gồm 9 đến 13 chữ số hoặc chữ cái.");
        }

        if (party.Phone is { Length: > 0 } phone && !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.'))
        {
            Add(errors, prefix + ".phone", "Số điện thoại chỉ gồm chữ số.");
        }

        if (party.Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256))
        {
            Add(errors, prefix + ".email", "Địa chỉ thư điện tử không hợp lệ.");
        }

        if (party.Address is { Length: > 500 })
        {
            Add(errors, prefix + ".address", "Địa chỉ tối đa 500 ký tự.");
        }

        if (!Enum.IsDefined(party.Kind))
        {
            Add(errors, prefix + ".kind", "Chọn loại chủ hồ sơ.");
        }
    }

    internal static Party ToParty(PartyDto p) => new()
    {
        Kind = p.Kind, Name = p.Name.Trim(), IdNumber = Clean(p.IdNumber), Phone = Clean(p.Phone), Email = Clean(p.Email), Address = Clean(p.Address),
    };

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    internal static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
