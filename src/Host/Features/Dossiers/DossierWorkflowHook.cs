using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Persistence;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// Keeps a dossier in step with its workflow, inside the engine's transaction: statuses set by <c>os:status</c>, the
/// hand-offs (step assigned, step completed with outcome and comment), supplement requests, the result and its
/// classification with the decision notice, and the notices the flow asks for (<c>os:notice</c>). Instances whose business key is not a dossier
/// code are left alone.
/// </summary>
internal sealed class DossierWorkflowHook(CalendarService calendars, DossierNotices notices) : IWorkflowTransactionHook
{
    /// <summary>Supplement deadline when the flow schedules no timer for it (Decree 118/2025: a reasonable time, here 15 working days).</summary>
    private static readonly IsoDuration DefaultSupplementTime = IsoDuration.Parse("P15D");

    public async Task OnSavingAsync(OneStopDbContext db, InstanceState instance, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        if (instance.BusinessKey is not { } code || journal.Count == 0)
        {
            return;
        }

        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null)
        {
            return;
        }

        var command = DossierCommand.Current;
        var actor = command?.Actor ?? DossierCommand.System;
        var before = dossier.Status;
        var events = new List<DossierEvent>();
        if (instance.ParentInstanceId is null && dossier.WorkflowInstanceId is null)
        {
            dossier.WorkflowInstanceId = instance.Id;
            events.Add(Event(dossier, journal[0].Time, actor, DossierActions.WorkflowStarted, step: instance.DefinitionKey));
        }

        for (var i = 0; i < journal.Count; i++)
        {
            var entry = journal[i];
            switch (entry.Event)
            {
                case JournalEvents.TaskCreated:
                    var unit = Text(entry.Data, "department");
                    await AddInvolvedAgencyAsync(db, dossier, unit, cancellationToken);
                    events.Add(Event(dossier, entry.Time, DossierCommand.System, DossierActions.StepAssigned, unit, entry.ElementName, isPublic: true));
                    break;
                case JournalEvents.TaskTransferred:
                    var to = Text(entry.Data, "to");
                    await AddInvolvedAgencyAsync(db, dossier, to, cancellationToken);
                    events.Add(Event(dossier, entry.Time, Text(entry.Data, "user") ?? actor, DossierActions.StepTransferred, to, entry.ElementName,
                        comment: command?.Comment, isPublic: true));
                    break;
                case JournalEvents.TaskCompleted:
                    events.Add(Event(dossier, entry.Time, Text(entry.Data, "user") ?? actor, DossierActions.StepCompleted,
                        await TaskUnitAsync(db, Text(entry.Data, "taskId"), cancellationToken), entry.ElementName, Text(entry.Data, "outcome"),
                        command?.Comment, isPublic: true));
                    break;
                case JournalEvents.StatusChanged when int.TryParse(Text(entry.Data, "status"), out var status) && DossierStatuses.IsKnown(status):
                    var wasReady = dossier.Status == DossierStatus.ResultReady;
                    Apply(db, dossier, (DossierStatus)status, entry, NextTimerDue(journal, i), command, actor, events);
                    if (!wasReady && dossier.Status == DossierStatus.ResultReady)
                    {
                        // The result: the decision rendered from the procedure's result template.
                        db.DossierEvents.AddRange(events);
                        events.Clear();
                        await notices.IssueAsync(db, dossier, NoticeForms.Decision, actor, cancellationToken);
                    }

                    break;
                case JournalEvents.NoticeRequested when Text(entry.Data, "notice") is { } notice:
                    db.DossierEvents.AddRange(events);
                    events.Clear();
                    await notices.IssueAsync(db, dossier, notice, actor, cancellationToken);
                    break;
            }
        }

        db.DossierEvents.AddRange(events);
        if (db.Entry(dossier).State == EntityState.Modified || dossier.Status != before)
        {
            dossier.Version++;
        }
    }

    private void Apply(OneStopDbContext db, Dossier dossier, DossierStatus status, JournalEntry entry, DateTimeOffset? timerDue,
        DossierCommand? command, string actor, List<DossierEvent> events)
    {
        var from = dossier.Status;
        // A dossier that a domain action closed (withdrawn, stopped, refused) or that was returned keeps its status:
        // a task completed between that action and the flow's cancellation must not reopen it.
        if (from == status || dossier.IsClosed)
        {
            return;
        }

        var action = DossierActions.StatusChanged;
        switch (status)
        {
            case DossierStatus.SupplementRequested:
                dossier.PreviousStatus = from;
                dossier.SupplementState = SupplementState.RequestedOfCitizen;
                var calendar = calendars.Current;
                db.DossierSupplements.Add(new SupplementRequest
                {
                    DossierId = dossier.Id,
                    RequestedAt = entry.Time,
                    RequestedBy = actor,
                    Unit = events.LastOrDefault(e => e.Action == DossierActions.StepCompleted)?.Unit,
                    Reason = command?.Supplement?.Reason ?? command?.Comment ?? "Hồ sơ chưa đầy đủ, chưa hợp lệ.",
                    Documents = string.Join('\n', command?.Supplement?.Documents ?? []),
                    Deadline = timerDue ?? calendar.AddWorkingTime(entry.Time, DefaultSupplementTime),
                    DueBefore = dossier.DueAt,
                });
                action = DossierActions.SupplementRequested;
                break;
            case DossierStatus.InProgress or DossierStatus.Received when from == DossierStatus.SupplementRequested:
                dossier.PreviousStatus = null;
                dossier.SupplementState = SupplementState.Done;
                break;
            case DossierStatus.ResultReady:
                dossier.ResolvedAt = entry.Time;
                dossier.Timeliness = Deadlines.Classify(calendars.Current.TimeZone, entry.Time, dossier.DueAt);
                dossier.DeliveryState = DeliveryState.Ready;
                action = DossierActions.ResultReady;
                break;
            case DossierStatus.Returned:
                dossier.ReturnedAt = entry.Time;
                dossier.DeliveryState = dossier.ResultDelivery == ResultDelivery.Post ? DeliveryState.ByPost : DeliveryState.HandedOver;
                if (dossier.ResolvedAt is null)
                {
                    // On the spot: result and return in one visit.
                    dossier.ResolvedAt = entry.Time;
                    dossier.Timeliness = Deadlines.Classify(calendars.Current.TimeZone, entry.Time, dossier.DueAt);
                }

                action = DossierActions.Returned;
                break;
            case DossierStatus.Stopped or DossierStatus.Withdrawn or DossierStatus.Refused:
                dossier.ResolvedAt ??= entry.Time;
                break;
        }

        dossier.Status = status;
        events.Add(Event(dossier, entry.Time, actor, action, step: entry.ElementName, from: from, to: status, isPublic: true));
    }

    /// <summary>The due time of the first timer the same command scheduled after entry <paramref name="index"/> (the supplement deadline's boundary).</summary>
    private static DateTimeOffset? NextTimerDue(IReadOnlyList<JournalEntry> journal, int index)
    {
        for (var i = index + 1; i < journal.Count; i++)
        {
            if (journal[i].Event == JournalEvents.TimerScheduled && Text(journal[i].Data, "dueAt") is { } due
                && DateTimeOffset.TryParse(due, System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>An agency the flow hands the dossier to becomes involved: its officers see the dossier (the centre sees all anyway).</summary>
    private static async Task AddInvolvedAgencyAsync(OneStopDbContext db, Dossier dossier, string? unit, CancellationToken cancellationToken)
    {
        var agency = unit?.Split('/')[0];
        if (string.IsNullOrEmpty(agency) || dossier.Involves(agency))
        {
            return;
        }

        var kind = await db.Agencies.Where(a => a.Code == agency).Select(a => (AgencyKind?)a.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is null or AgencyKind.ServiceCentre)
        {
            return;
        }

        dossier.CooperatingAgencyCodes = string.Join(',',
            dossier.CooperatingAgencyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(agency).Order(StringComparer.Ordinal));
    }

    private static async Task<string?> TaskUnitAsync(OneStopDbContext db, string? taskId, CancellationToken cancellationToken)
    {
        if (taskId is null)
        {
            return null;
        }

        var tracked = db.UserTasks.Local.FirstOrDefault(t => t.Id == taskId);
        return tracked is not null
            ? tracked.Department
            : await db.UserTasks.Where(t => t.Id == taskId).Select(t => t.Department).FirstOrDefaultAsync(cancellationToken);
    }

    private static DossierEvent Event(Dossier dossier, DateTimeOffset time, string actor, string action, string? unit = null, string? step = null,
        string? outcome = null, string? comment = null, DossierStatus? from = null, DossierStatus? to = null, bool isPublic = false) =>
        new()
        {
            DossierId = dossier.Id, Time = time, Actor = actor, Action = action, Unit = unit, Step = step, Outcome = outcome, Comment = comment,
            FromStatus = from, ToStatus = to, Public = isPublic,
        };

    private static string? Text(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text
        : data?[name] is JsonValue number ? number.ToJsonString() : null;
}
