using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Reception;

/// <summary>
/// The reception form as typed: counts stay text until submitting, so a form shown again with its errors gives back
/// exactly what was typed. Documents are the procedure's checklist; lines not ticked "received" are left out.
/// </summary>
public sealed partial class ReceptionForm
{
    public PartyForm Applicant { get; set; } = new();

    /// <summary>Someone other than the applicant hands the dossier in.</summary>
    public bool SubmittedByOther { get; set; }

    /// <summary>The submitter holds a power of attorney (ủy quyền).</summary>
    public bool SubmittedByRepresentative { get; set; }

    public PartyForm Submitter { get; set; } = new();

    public string? Request { get; set; }

    public List<DocumentRow> Documents { get; set; } = [];

    public string? NumberOfSets { get; set; } = "1";

    public DossierChannel Channel { get; set; } = DossierChannel.Counter;

    public ResultDelivery ResultDelivery { get; set; } = ResultDelivery.Counter;

    /// <summary>The applicant wants notices by e-mail (sent when an address is given).</summary>
    public bool NotifyEmail { get; set; } = true;

    /// <summary>The applicant wants notices by SMS (sent when a phone number is given).</summary>
    public bool NotifySms { get; set; } = true;

    /// <summary>Pages or copies counted by per-page and per-copy fee lines.</summary>
    public string? FeeUnits { get; set; } = "1";

    /// <summary>Why the dossier is refused (form 03); only the refuse action reads it.</summary>
    public string? RefusalReason { get; set; }

    public sealed class PartyForm
    {
        public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;

        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }

        internal PartyDto ToDto() => new(Kind, Name ?? "", IdNumber, Phone, Email, Address);
    }

    public sealed class DocumentRow
    {
        public string? Name { get; set; }

        public string? Originals { get; set; }

        public string? CertifiedCopies { get; set; }

        public string? Photocopies { get; set; }

        public bool Received { get; set; }
    }

    /// <summary>A blank form with the procedure's documents and counts, every line ticked.</summary>
    public static ReceptionForm For(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new ReceptionForm
        {
            NumberOfSets = Number(procedure.NumberOfSets),
            Documents = [.. procedure.Documents.OrderBy(d => d.Position).Select(d => new DocumentRow
            {
                Name = d.Name, Originals = Number(d.Originals), CertifiedCopies = Number(d.CertifiedCopies), Photocopies = Number(d.Photocopies), Received = true,
            })],
        };
    }

    /// <summary>
    /// The reception request. Text that is not a whole number is reported in <paramref name="errors"/> under the key
    /// the service uses for the same input; <paramref name="rows"/> maps each request document to its form row, for
    /// <see cref="ToFormKey"/>.
    /// </summary>
    public ReceiveDossierRequest ToRequest(Guid procedureId, bool feeUnitsApply, Dictionary<string, List<string>> errors, IStringLocalizer text,
        out IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var received = Documents.Select((d, i) => (Row: d, Index: i)).Where(d => d.Row.Received).ToList();
        rows = [.. received.Select(d => d.Index)];
        if (Documents.Count > 0 && received.Count == 0)
        {
            Fail(errors, "documents", text["Rcp_NoDocumentReceived"]);
        }

        return new ReceiveDossierRequest
        {
            ProcedureId = procedureId,
            Channel = Channel,
            Applicant = Applicant.ToDto(),
            Submitter = SubmittedByOther || SubmittedByRepresentative ? Submitter.ToDto() with { Kind = ApplicantKind.Citizen } : null,
            SubmittedByRepresentative = SubmittedByRepresentative,
            Request = Request,
            NumberOfSets = Whole(errors, text, "numberOfSets", NumberOfSets) ?? 0,
            ResultDelivery = ResultDelivery,
            NotifyBy = (NotifyEmail ? NotifyBy.Email : NotifyBy.None) | (NotifySms ? NotifyBy.Sms : NotifyBy.None),
            Documents = [.. received.Select(d => new DocumentLine(d.Row.Name ?? "",
                Whole(errors, text, $"documents[{d.Index}]", d.Row.Originals) ?? 0,
                Whole(errors, text, $"documents[{d.Index}]", d.Row.CertifiedCopies) ?? 0,
                Whole(errors, text, $"documents[{d.Index}]", d.Row.Photocopies) ?? 0))],
            FeeUnits = feeUnitsApply ? Whole(errors, text, "feeUnits", FeeUnits) ?? 0 : null,
        };
    }

    /// <summary>The refusal request (form 03): applicant, request and reason only.</summary>
    public RefuseDossierRequest ToRefusal(Guid procedureId) => new()
    {
        ProcedureId = procedureId,
        Channel = Channel,
        Applicant = Applicant.ToDto(),
        Request = Request,
        Reason = RefusalReason ?? "",
    };

    /// <summary>A service error key with the request's document index turned into the form row it came from.</summary>
    public static string ToFormKey(string key, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rows);
        return DocumentIndex().Replace(key, m =>
            int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var i) && i < rows.Count
                ? $"documents[{rows[i].ToString(CultureInfo.InvariantCulture)}]"
                : m.Value, 1);
    }

    /// <summary>The fee for <paramref name="units"/> pages or copies; zero when the procedure is exempt.</summary>
    public static decimal FeeFor(Procedure procedure, int units)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.FeeMode == FeeMode.Exempt ? 0 : procedure.Fees.Sum(f => f.AmountFor(Math.Max(1, units)));
    }

    /// <summary>The typed fee units as a number, 1 when blank or not a number (the fee shown while the form has errors).</summary>
    public int FeeUnitsOrOne() =>
        int.TryParse(FeeUnits?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var units) && units > 0 ? units : 1;

    private static int? Whole(Dictionary<string, List<string>> errors, IStringLocalizer text, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Fail(errors, key, text["Rcp_NotAWholeNumber", value]);
        return null;
    }

    private static void Fail(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        if (!list.Contains(message, StringComparer.Ordinal))
        {
            list.Add(message);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^documents\[(\d+)\]")]
    private static partial Regex DocumentIndex();
}
