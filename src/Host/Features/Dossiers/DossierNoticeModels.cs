using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Notices;
using OneStop.Host.Persistence;
using OneStop.Workflows.Calendar;
using NoticeFeeKind = OneStop.Host.Features.Notices.FeeKind;

namespace OneStop.Host.Features.Dossiers;

/// <summary>The <c>Notices:Header</c> section: what the common header of every notice prints besides the issuing unit.</summary>
public sealed class NoticeHeaderOptions
{
    public const string Section = "Notices:Header";

    /// <summary>Tên cơ quan chủ quản (the first line of the header). Default: "UBND TỈNH".</summary>
    public string GoverningBody { get; set; } = "UBND TỈNH";

    /// <summary>Địa danh of the date line. Default: "……" (written in by hand).</summary>
    public string Place { get; set; } = "……";

    /// <summary>Where citizens look their dossier up (printed on receipts and supplement requests). Default: none.</summary>
    public string? TrackingUrl { get; set; }
}

/// <summary>
/// Builds the <see cref="NoticeModel"/> of a dossier: names of agencies, units and officers, the procedure's legal
/// duration and fee mode, the latest supplement request or apology, the stop or refusal reason, and the control
/// sheet's hand-offs. Reads the database and the rows the caller has added but not saved yet (the workflow hook's
/// transaction). Notices are Vietnamese legal documents, so their wording lives here and in the templates, not in resources.
/// </summary>
internal sealed class DossierNoticeModels(OneStopDbContext db, WorkingCalendar calendar, NoticeHeaderOptions header)
{
    private readonly Dictionary<string, string> agencyNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> unitNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string? Phone)> people = new(StringComparer.Ordinal);
    private string? centreName;

    public async Task<NoticeModel> BuildAsync(Dossier dossier, NoticeTemplateInfo template, Procedure? procedure, string actor, DateTimeOffset now,
        string? reason, CancellationToken cancellationToken)
    {
        var events = await EventsAsync(dossier, cancellationToken);
        var receivedUnit = events.FirstOrDefault(e => e.Action is DossierActions.Received or DossierActions.Refused)?.Unit;
        var steps = template.Form == NoticeForms.ControlSheet ? await TaskRowsAsync(dossier.Code, cancellationToken) : [];
        var supplement = template.Form == NoticeForms.SupplementRequest ? await LatestSupplementAsync(dossier.Id, cancellationToken) : null;
        var apology = template.Form == NoticeForms.Apology ? await LatestApologyAsync(dossier.Id, cancellationToken) : null;

        await LoadNamesAsync(dossier, [dossier.ReceivedBy, actor, supplement?.RequestedBy, apology?.DecidedBy,
            .. steps.SelectMany(t => new[] { t.Task.CompletedBy, t.ClaimedBy ?? t.Task.Assignee })],
            [receivedUnit, .. steps.Select(t => t.Task.Department)], cancellationToken);

        // The counter of the lead agency, where the citizen collects the result.
        var counter = await db.Counters.AsNoTracking().Where(c => c.IsActive && c.Agency!.Code == dossier.LeadAgencyCode).OrderBy(c => c.Number)
            .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var leadIssues = template.Form is NoticeForms.Apology or NoticeForms.StopNotice or NoticeForms.Decision;
        var (book, entry) = template.Form == NoticeForms.Receipt ? await LedgerEntryAsync(dossier, cancellationToken) : (null, null);
        var receivingUnit = UnitName(receivedUnit) ?? centreName;
        return new NoticeModel
        {
            Header = new NoticeHeader
            {
                GoverningBody = header.GoverningBody,
                IssuingUnit = Upper(leadIssues ? AgencyName(dossier.LeadAgencyCode) : centreName ?? AgencyName(dossier.LeadAgencyCode)),
                Place = header.Place,
                IssuedAt = now,
                Copies = template.Form == NoticeForms.Receipt ? ["Lưu tại Bộ phận Tiếp nhận và Trả kết quả", "Giao cho người nộp hồ sơ"] : [],
            },
            Dossier = new NoticeDossier
            {
                Code = dossier.Code,
                BookNumber = book,
                EntryNumber = entry,
                ProcedureCode = dossier.ProcedureCode,
                ProcedureName = dossier.ProcedureName,
                Field = procedure?.Field?.Name,
                Request = dossier.Request,
                ReceivingUnit = receivingUnit,
                ReceivingOfficer = PersonName(dossier.ReceivedBy),
                Sets = dossier.NumberOfSets,
                LegalDuration = procedure is null ? null : LegalDuration(procedure.Duration),
                ReceivedAt = dossier.ReceivedAt,
                // The apology quotes the appointment of the receipt; every other notice the appointment the citizen holds now.
                DueAt = template.Form == NoticeForms.Apology ? dossier.DueAt : dossier.AppointmentAt,
                ReturnedAt = dossier.ReturnedAt,
                ResultDelivery = Delivery(dossier, receivingUnit is null ? null : counter is null ? receivingUnit : $"{receivingUnit} ({counter})"),
                FeeMode = FeeMode(procedure, dossier.FeeAmount),
                TrackingUrl = header.TrackingUrl,
                LeadAgency = AgencyName(dossier.LeadAgencyCode),
                CooperatingAgencies = [.. dossier.CooperatingAgencyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AgencyName)],
            },
            Owner = Party(dossier.Applicant),
            Submitter = dossier.Submitter is null ? null : Party(dossier.Submitter),
            Documents = [.. dossier.Documents.OrderBy(d => d.Position).Select(d => new NoticeDocument
            {
                Name = d.Name, Originals = d.Originals, CertifiedCopies = d.CertifiedCopies, Photocopies = d.Photocopies,
            })],
            Supplement = template.Form != NoticeForms.SupplementRequest ? null
                : supplement is not null ? new NoticeSupplement
                {
                    Items = [.. supplement.Documents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(line => new NoticeSupplementItem { Name = line })],
                    Reason = reason ?? supplement.Reason,
                    Deadline = supplement.Deadline,
                    LookupUrl = header.TrackingUrl,
                    Officer = PersonName(supplement.RequestedBy),
                    OfficerPhone = people.GetValueOrDefault(supplement.RequestedBy).Phone,
                }
                : reason is not null ? new NoticeSupplement { Reason = reason, LookupUrl = header.TrackingUrl, Officer = PersonName(actor) } : null,
            Refusal = template.Form == NoticeForms.Refusal
                ? new NoticeRefusal { Reason = reason ?? LatestComment(events, DossierActions.Refused) ?? "", Officer = PersonName(actor) }
                : null,
            Apology = apology is null ? null : new NoticeApology
            {
                Addressee = dossier.Applicant.Name,
                Reason = reason ?? apology.Reason,
                NewDueAt = apology.NewDueAt,
                Extension = Extension(dossier.DueAt, apology.NewDueAt),
                SignerName = apology.DecidedBy is null ? null : PersonName(apology.DecidedBy),
            },
            Stop = template.Form == NoticeForms.StopNotice
                ? new NoticeStop
                {
                    Addressee = dossier.Applicant.Name,
                    Reason = reason ?? LatestComment(events, DossierActions.Stopped) ?? "",
                    StoppedAt = dossier.ResolvedAt ?? now,
                    Guidance = "Ông/bà/tổ chức liên hệ Bộ phận Tiếp nhận và Trả kết quả để nhận lại hồ sơ hoặc được hướng dẫn nộp lại hồ sơ.",
                }
                : null,
            Steps = [.. HandOffs(dossier, steps, receivedUnit)],
            Fee = template.Form == NoticeForms.FeeReceipt ? Fee(dossier, procedure, actor) : null,
            Handover = template.Form == NoticeForms.Handover
                ? new NoticeHandover
                {
                    Results = [new NoticeResultDocument { Name = procedure?.ResultType ?? "Kết quả giải quyết thủ tục hành chính" }],
                    ReceivedBy = (dossier.Submitter ?? dossier.Applicant).Name,
                    ReceivedByIdNumber = (dossier.Submitter ?? dossier.Applicant).IdNumber,
                    HandedOverAt = dossier.ReturnedAt ?? now,
                    Officer = PersonName(actor),
                }
                : null,
            Decision = template.Form == NoticeForms.Decision ? Decision(dossier, procedure, actor) : null,
        };
    }

    /// <summary>A ledger (sổ theo dõi) of <paramref name="dossiers"/>, in the order given.</summary>
    /// <summary>
    /// Where the receipt enters the lead agency's dossier ledger (sổ theo dõi hồ sơ): one book per year of receipt, entries
    /// in order of receipt. Stable: dossiers are never deleted, and receptions of an agency queue on its code sequence, so
    /// no two share an instant.
    /// </summary>
    private async Task<(string? Book, string? Entry)> LedgerEntryAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var year = TimeZoneInfo.ConvertTime(dossier.ReceivedAt, calendar.TimeZone).Year;
        var start = new DateTimeOffset(new DateTime(year, 1, 1), calendar.TimeZone.GetUtcOffset(new DateTime(year, 1, 1))).ToUniversalTime();
        var received = dossier.ReceivedAt.ToUniversalTime();
        var entry = await db.Dossiers.AsNoTracking()
            .Where(d => d.LeadAgencyCode == dossier.LeadAgencyCode && d.ReceivedAt >= start && d.ReceivedAt <= received)
            .CountAsync(cancellationToken);
        return entry == 0 ? (null, null) : (year.ToString(CultureInfo.InvariantCulture), entry.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<NoticeModel> BuildLedgerAsync(IReadOnlyList<Dossier> dossiers, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = dossiers.Select(d => d.Id).ToList();
        var handOffs = await db.DossierEvents.AsNoTracking()
            .Where(e => ids.Contains(e.DossierId) && e.Action == DossierActions.StepAssigned && e.Unit != null)
            .Select(e => new { e.DossierId, e.Time, e.Unit })
            .ToListAsync(cancellationToken);
        await LoadNamesAsync(null, [], [], cancellationToken);
        var agencies = dossiers.Select(d => d.LeadAgencyCode).Distinct(StringComparer.Ordinal).ToList();
        foreach (var agency in await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Code)).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
        {
            agencyNames[agency.Code] = agency.Name;
        }

        // Forwarded = the first step assigned to the lead agency (the centre's own reception step is not a hand-off).
        var forwarded = handOffs.GroupBy(h => h.DossierId).ToDictionary(g => g.Key,
            g => g.Select(h => (h.Unit!, h.Time)).ToList());
        return new NoticeModel
        {
            Header = new NoticeHeader { GoverningBody = header.GoverningBody, IssuingUnit = Upper(centreName ?? ""), Place = header.Place, IssuedAt = now },
            Ledger = new NoticeLedger
            {
                From = from,
                To = to,
                Rows = [.. dossiers.Select((d, i) => new NoticeLedgerRow
                {
                    Number = i + 1,
                    DossierCode = d.Code,
                    ProcedureName = d.ProcedureName,
                    Sets = d.NumberOfSets,
                    Applicant = d.Applicant.Name,
                    Address = d.Applicant.Address,
                    Phone = d.Applicant.Phone,
                    LeadAgency = AgencyName(d.LeadAgencyCode),
                    ReceivedAt = d.ReceivedAt,
                    DueAt = d.AppointmentAt,
                    ForwardedAt = forwarded.GetValueOrDefault(d.Id)?.Where(h => h.Item1.StartsWith(d.LeadAgencyCode + "/", StringComparison.Ordinal))
                        .Select(h => (DateTimeOffset?)h.Time).Min(),
                    ResultReceivedAt = d.Status is DossierStatus.ResultReady or DossierStatus.Returned ? d.ResolvedAt : null,
                    ReturnedAt = d.ReturnedAt,
                    Delivery = d.Status is DossierStatus.Refused ? null : Delivery(d, null),
                    Note = d.Status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped ? DossierStatuses.NameOf(d.Status) : null,
                })],
            },
        };
    }

    /// <summary>"5 ngày làm việc", "0,5 ngày làm việc", "Trong ngày".</summary>
    public static string LegalDuration(ProcedureDuration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        var value = duration.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
        return duration.Unit switch
        {
            DurationUnit.WorkingDays => $"{value} ngày làm việc",
            DurationUnit.CalendarDays => $"{value} ngày",
            DurationUnit.WorkingHours => $"{value} giờ làm việc",
            _ => "Trong ngày",
        };
    }

    private sealed record TaskRow(UserTaskRow Task, string? ClaimedBy);

    /// <summary>
    /// One row per step the dossier reached, in order: the previous step's unit and officer gave it, this step's unit and
    /// officer received it; the result compares the day the step finished with the day it was due.
    /// </summary>
    private IEnumerable<NoticeStep> HandOffs(Dossier dossier, List<TaskRow> tasks, string? receivedUnit)
    {
        var fromUnit = receivedUnit;
        var fromPerson = dossier.ReceivedBy;
        foreach (var (task, claimedBy) in tasks)
        {
            var toPerson = task.CompletedBy ?? claimedBy ?? task.Assignee;
            yield return new NoticeStep
            {
                FromUnit = UnitName(fromUnit) ?? centreName ?? "",
                FromPerson = fromPerson is null ? null : PersonName(fromPerson),
                ToUnit = UnitName(task.Department) ?? task.Department ?? "",
                ToPerson = toPerson is null ? null : PersonName(toPerson),
                HandedAt = task.CreatedAt,
                Result = task is { Status: UserTaskStatus.Completed, CompletedAt: { } done, DueAt: { } due }
                    ? Deadlines.Classify(calendar.TimeZone, done, due) switch
                    {
                        Timeliness.Early => StepTimeliness.Early,
                        Timeliness.OnTime => StepTimeliness.OnTime,
                        _ => StepTimeliness.Late,
                    }
                    : null,
                Note = task.Outcome is { Length: > 0 } outcome ? $"{task.Name}: {outcome}" : task.Name,
            };
            fromUnit = task.Department;
            fromPerson = task.CompletedBy;
        }
    }

    private async Task<List<TaskRow>> TaskRowsAsync(string code, CancellationToken cancellationToken)
    {
        var saved = await db.UserTasks.AsNoTracking().Where(t => t.BusinessKey == code && t.Status != UserTaskStatus.Cancelled).ToListAsync(cancellationToken);
        // The engine's transaction may hold newer versions of the rows than the database.
        var pending = db.ChangeTracker.Entries<UserTaskRow>().Where(e => e.Entity.BusinessKey == code && e.State != EntityState.Unchanged)
            .ToDictionary(e => e.Entity.Id, e => e.Entity, StringComparer.Ordinal);
        var tasks = saved.Where(t => !pending.ContainsKey(t.Id)).Concat(pending.Values.Where(t => t.Status != UserTaskStatus.Cancelled))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.RowId == 0 ? long.MaxValue : t.RowId).ToList();
        var open = tasks.Where(t => t.Status == UserTaskStatus.Open).Select(t => t.Id).ToList();
        var claims = await db.TaskClaims.AsNoTracking().Where(c => open.Contains(c.TaskId)).ToDictionaryAsync(c => c.TaskId, c => c.UserName, cancellationToken);
        return [.. tasks.Select(t => new TaskRow(t, claims.GetValueOrDefault(t.Id)))];
    }

    /// <summary>The saved history of the dossier and the entries added in this unit of work, in time order.</summary>
    private async Task<List<DossierEvent>> EventsAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var saved = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).ToListAsync(cancellationToken);
        return [.. saved.Concat(Added<DossierEvent>(e => e.DossierId == dossier.Id)).OrderBy(e => e.Time)];
    }

    /// <summary>The latest supplement request, possibly the one the workflow hook has just added.</summary>
    private async Task<SupplementRequest?> LatestSupplementAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var saved = await db.DossierSupplements.AsNoTracking().Where(s => s.DossierId == dossierId).ToListAsync(cancellationToken);
        return saved.Concat(Added<SupplementRequest>(s => s.DossierId == dossierId)).MaxBy(s => s.RequestedAt);
    }

    /// <summary>The approved apology (there is at most one), else the latest draft.</summary>
    private async Task<Apology?> LatestApologyAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var saved = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossierId).ToListAsync(cancellationToken);
        var all = saved.Concat(Added<Apology>(a => a.DossierId == dossierId)).Where(a => a.State != ApologyState.Rejected).ToList();
        return all.Where(a => a.State == ApologyState.Approved).MaxBy(a => a.DraftedAt) ?? all.MaxBy(a => a.DraftedAt);
    }

    private IEnumerable<T> Added<T>(Func<T, bool> predicate) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(predicate);

    private async Task LoadNamesAsync(Dossier? dossier, IEnumerable<string?> userNames, IEnumerable<string?> units, CancellationToken cancellationToken)
    {
        var unitCodes = units.OfType<string>().Where(u => u.Contains('/', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var agencyCodes = unitCodes.Select(u => u.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        if (dossier is not null)
        {
            agencyCodes.Add(dossier.LeadAgencyCode);
            agencyCodes.UnionWith(dossier.CooperatingAgencyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code) || a.Kind == AgencyKind.ServiceCentre)
            .Select(a => new { a.Code, a.Name, a.Kind }).ToListAsync(cancellationToken);
        foreach (var agency in agencies)
        {
            agencyNames[agency.Code] = agency.Name;
        }

        centreName = agencies.Where(a => a.Kind == AgencyKind.ServiceCentre).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => a.Name).FirstOrDefault();
        var departments = await db.Departments.AsNoTracking().Where(d => agencyCodes.Contains(d.Agency!.Code))
            .Select(d => new { Agency = d.Agency!.Code, d.Code, d.Name }).ToListAsync(cancellationToken);
        foreach (var department in departments)
        {
            unitNames[department.Agency + "/" + department.Code] = $"{department.Name} – {agencyNames.GetValueOrDefault(department.Agency)}";
        }

        var names = userNames.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.UserName, u.FullName, u.PhoneNumber })
                     .ToListAsync(cancellationToken))
        {
            people[user.UserName!] = (user.FullName, user.PhoneNumber);
        }
    }

    private string AgencyName(string code) => agencyNames.GetValueOrDefault(code) ?? code;

    private string? UnitName(string? unit) => unit is null ? null : unitNames.GetValueOrDefault(unit) ?? unit;

    /// <summary>The officer's full name; the user name of someone who is not (or no longer) a user, and "system" as the system.</summary>
    private string PersonName(string userName) => people.GetValueOrDefault(userName).Name ?? userName;

    private static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    private static NoticeParty Party(Party p) => new() { Name = p.Name, Address = p.Address, Phone = p.Phone, Email = p.Email, IdNumber = p.IdNumber };

    private static string? LatestComment(List<DossierEvent> events, string action) =>
        events.LastOrDefault(e => e.Action == action && !string.IsNullOrWhiteSpace(e.Comment))?.Comment
        ?? events.LastOrDefault(e => e.Action is DossierActions.StepCompleted or DossierActions.StatusChanged && !string.IsNullOrWhiteSpace(e.Comment))?.Comment;

    private static string Delivery(Dossier dossier, string? receivingUnit) => dossier.ResultDelivery switch
    {
        ResultDelivery.Post => $"Qua dịch vụ bưu chính công ích{(dossier.Applicant.Address is { } address ? $" (địa chỉ: {address})" : "")}",
        ResultDelivery.Online => "Trực tuyến, trên Cổng Dịch vụ công",
        _ => receivingUnit is null ? "Tại Bộ phận Tiếp nhận và Trả kết quả" : $"Tại {receivingUnit}",
    };

    private static string? FeeMode(Procedure? procedure, decimal amount) => procedure?.FeeMode switch
    {
        null => null,
        Catalogue.FeeMode.Exempt => "Miễn phí, lệ phí",
        _ when amount == 0 => "Không thu phí, lệ phí",
        Catalogue.FeeMode.CollectBefore => $"Nộp khi nộp hồ sơ ({VietnameseText.Amount(amount)} đồng)",
        _ => $"Nộp khi nhận kết quả ({VietnameseText.Amount(amount)} đồng)",
    };

    /// <summary>The extension an apology asks for, in working days as the 2025 form words it ("03 ngày làm việc").</summary>
    private string? Extension(DateTimeOffset dueAt, DateTimeOffset newDueAt)
    {
        if (newDueAt <= dueAt)
        {
            return null;
        }

        var day = calendar.Definition.Schedules[0].WorkingDayLength;
        var days = (int)Math.Ceiling(calendar.WorkingTimeBetween(dueAt, newDueAt) / day);
        return string.Create(CultureInfo.InvariantCulture, $"{days:00} ngày làm việc");
    }

    private NoticeFee? Fee(Dossier dossier, Procedure? procedure, string actor)
    {
        if (dossier.FeeAmount <= 0)
        {
            return null;
        }

        var kind = procedure?.Fees.OrderBy(f => f.Position).Select(f => f.Kind).FirstOrDefault() == Catalogue.FeeKind.Charge ? NoticeFeeKind.Charge : NoticeFeeKind.Fee;
        return new NoticeFee
        {
            FormNumber = "01BLP",
            Series = "",
            Number = dossier.Code[(dossier.Code.LastIndexOf('-') + 1)..],
            PayerName = dossier.Applicant.Name,
            PayerAddress = dossier.Applicant.Address,
            Items = [new NoticeFeeItem
            {
                Name = procedure?.Fees.OrderBy(f => f.Position).Select(f => f.Description).FirstOrDefault() ?? dossier.ProcedureName,
                Kind = kind,
                Amount = dossier.FeeAmount,
            }],
            PaymentMethod = "Tiền mặt",
            Collector = PersonName(actor),
        };
    }

    /// <summary>A draft decision the lead agency's head signs: the bases are the procedure's legal basis.</summary>
    private NoticeDecision Decision(Dossier dossier, Procedure? procedure, string actor)
    {
        var lead = AgencyName(dossier.LeadAgencyCode);
        return new NoticeDecision
        {
            Subject = $"Về việc giải quyết thủ tục hành chính: {dossier.ProcedureName}",
            Authority = "THỦ TRƯỞNG " + Upper(lead),
            Bases = [.. (procedure?.LegalBasis ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(b => $"Căn cứ {b};"),
                $"Xét hồ sơ số {dossier.Code} của {dossier.Applicant.Name}."],
            Articles =
            [
                $"Giải quyết yêu cầu của {dossier.Applicant.Name}{(dossier.Request is { } request ? $": {request}" : "")} (thủ tục hành chính: {dossier.ProcedureName}).",
                "Quyết định này có hiệu lực kể từ ngày ký.",
                $"{dossier.Applicant.Name} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
            ],
            Recipients = ["Như Điều 3;", centreName is null ? "Bộ phận Một cửa;" : centreName + ";", "Lưu: VT."],
            SignerName = PersonName(actor),
        };
    }
}
