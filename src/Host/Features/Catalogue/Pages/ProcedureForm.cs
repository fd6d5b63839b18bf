using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OneStop.Host.Features.Catalogue.Pages;

/// <summary>Who may open the catalogue admin pages, for <c>[Authorize]</c> on each page.</summary>
public static class CatalogueAdminAccess
{
    /// <summary>
    /// The signed-in session (ASP.NET Core Identity's application cookie). Attributes need a constant, and
    /// <c>IdentityConstants.ApplicationScheme</c> is a static field with this value.
    /// </summary>
    public const string Scheme = "Identity.Application";
}

/// <summary>
/// The procedure form as typed: numbers and dates stay text until saving, so a form shown again with its errors gives
/// back exactly what was typed. Documents and fee lines are rows; blank rows are ignored and ticked rows removed.
/// </summary>
public sealed class ProcedureForm
{
    public string? NationalCode { get; set; }

    public string? LocalCode { get; set; }

    public string? Name { get; set; }

    public string? FieldCode { get; set; }

    public string? LeadAgencyCode { get; set; }

    public List<string> CooperatingAgencyCodes { get; set; } = [];

    public string? LegalBasis { get; set; }

    public List<DocumentRow> Documents { get; set; } = [];

    public string? NumberOfSets { get; set; } = "1";

    public string? DurationValue { get; set; }

    public DurationUnit DurationUnit { get; set; }

    public string? DurationSecondStage { get; set; }

    public string? DurationRemoteArea { get; set; }

    public List<FeeRow> Fees { get; set; } = [];

    public FeeMode FeeMode { get; set; }

    public OnlineLevel OnlineLevel { get; set; }

    public bool ResolvedOnTheSpot { get; set; }

    public string? ResultType { get; set; }

    public string? WorkflowKey { get; set; }

    public string? ProcessingDepartmentCode { get; set; }

    public string? ResultTemplateCode { get; set; }

    public SupplementRule SupplementRule { get; set; }

    /// <summary>yyyy-MM-dd, as an <c>input type=date</c> sends it.</summary>
    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public sealed class DocumentRow
    {
        public string? Name { get; set; }

        public string? Originals { get; set; }

        public string? CertifiedCopies { get; set; }

        public string? Photocopies { get; set; }

        /// <summary>The ticked upload types; none ticked accepts every type.</summary>
        public List<UploadTypes> FileTypes { get; set; } = [];

        public string? MaxUploadKb { get; set; }

        public bool Remove { get; set; }

        internal bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Originals)
            && string.IsNullOrWhiteSpace(CertifiedCopies) && string.IsNullOrWhiteSpace(Photocopies);
    }

    public sealed class FeeRow
    {
        public FeeKind Kind { get; set; }

        public string? Description { get; set; }

        public string? Amount { get; set; }

        public FeeBasis Basis { get; set; }

        public string? FirstUnits { get; set; }

        public string? NextAmount { get; set; }

        public string? MaxAmount { get; set; }

        public string? Exemptions { get; set; }

        public bool Remove { get; set; }

        internal bool IsBlank => new[] { Description, Amount, FirstUnits, NextAmount, MaxAmount, Exemptions }.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>A new procedure: no fee, in force from today.</summary>
    public static ProcedureForm Blank(DateOnly today) => new() { FeeMode = FeeMode.Exempt, EffectiveFrom = Date(today) };

    public static ProcedureForm From(ProcedureRequest r) => new()
    {
        NationalCode = r.NationalCode,
        LocalCode = r.LocalCode,
        Name = r.Name,
        FieldCode = r.FieldCode,
        LeadAgencyCode = r.LeadAgencyCode,
        CooperatingAgencyCodes = [.. r.CooperatingAgencyCodes ?? []],
        LegalBasis = r.LegalBasis,
        Documents = [.. (r.Documents ?? []).Select(d => new DocumentRow
        {
            Name = d.Name, Originals = Number(d.Originals), CertifiedCopies = Number(d.CertifiedCopies), Photocopies = Number(d.Photocopies),
            FileTypes = [.. d.FileTypes.Each()],
            MaxUploadKb = Number(d.MaxUploadKb),
        })],
        NumberOfSets = Number(r.NumberOfSets),
        DurationValue = Number(r.Duration?.Value),
        DurationUnit = r.Duration?.Unit ?? DurationUnit.WorkingDays,
        DurationSecondStage = Number(r.Duration?.SecondStage),
        DurationRemoteArea = Number(r.Duration?.RemoteArea),
        Fees = [.. (r.Fees ?? []).Select(f => new FeeRow
        {
            Kind = f.Kind, Description = f.Description, Amount = Number(f.Amount), Basis = f.Basis, FirstUnits = Number(f.FirstUnits),
            NextAmount = Number(f.NextAmount), MaxAmount = Number(f.MaxAmount), Exemptions = f.Exemptions,
        })],
        FeeMode = r.FeeMode,
        OnlineLevel = r.OnlineLevel,
        ResolvedOnTheSpot = r.ResolvedOnTheSpot,
        ResultType = r.ResultType,
        WorkflowKey = r.WorkflowKey,
        ProcessingDepartmentCode = r.ProcessingDepartmentCode,
        ResultTemplateCode = r.ResultTemplateCode,
        SupplementRule = r.SupplementRule,
        EffectiveFrom = r.EffectiveFrom is { } from ? Date(from) : null,
        EffectiveTo = r.EffectiveTo is { } to ? Date(to) : null,
    };

    /// <summary>Drops blank rows and rows ticked for removal, so row positions match the request's list indexes.</summary>
    public void DropUnusedRows()
    {
        Documents = [.. Documents.Where(d => !d.Remove && !d.IsBlank)];
        Fees = [.. Fees.Where(f => !f.Remove && !f.IsBlank)];
    }

    /// <summary>
    /// The request to validate and save. Text that is not a number or a date is reported in <paramref name="errors"/> under
    /// the key <see cref="CatalogueRules"/> uses for the same input (e.g. <c>duration.value</c>); call
    /// <see cref="DropUnusedRows"/> first.
    /// </summary>
    public ProcedureRequest ToRequest(Dictionary<string, List<string>> errors, IStringLocalizer text)
    {
        void Fail(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        decimal? Decimal(string key, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Fail(key, text["Cat_NotANumber", value]);
            return null;
        }

        int? Whole(string key, string? value)
        {
            if (Decimal(key, value) is not { } number)
            {
                return null;
            }

            if (number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }

            Fail(key, text["Cat_NotAWholeNumber", value!]);
            return null;
        }

        DateOnly? Day(string key, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Fail(key, text["Cat_NotADate", value]);
            return null;
        }

        return new ProcedureRequest
        {
            NationalCode = NationalCode?.Trim(),
            LocalCode = LocalCode?.Trim(),
            Name = Name,
            FieldCode = FieldCode,
            LeadAgencyCode = LeadAgencyCode,
            CooperatingAgencyCodes = [.. CooperatingAgencyCodes.Where(c => !string.IsNullOrWhiteSpace(c))],
            LegalBasis = LegalBasis,
            Documents = [.. Documents.Select((d, i) => new DocumentDto(d.Name,
                Whole($"documents[{i}]", d.Originals) ?? 0, Whole($"documents[{i}]", d.CertifiedCopies) ?? 0, Whole($"documents[{i}]", d.Photocopies) ?? 0,
                d.FileTypes.Aggregate(UploadTypes.None, (all, t) => all | t), Whole($"documents[{i}].maxUploadKb", d.MaxUploadKb)))],
            NumberOfSets = Whole("numberOfSets", NumberOfSets) ?? 0,
            Duration = new DurationDto(Decimal("duration.value", DurationValue) ?? 0, DurationUnit,
                Decimal("duration.secondStage", DurationSecondStage), Decimal("duration.remoteArea", DurationRemoteArea)),
            Fees = [.. Fees.Select((f, i) => new FeeDto(f.Kind, f.Description, Decimal($"fees[{i}].amount", f.Amount) ?? 0, f.Basis,
                Whole($"fees[{i}].firstUnits", f.FirstUnits), Decimal($"fees[{i}].nextAmount", f.NextAmount),
                Decimal($"fees[{i}].maxAmount", f.MaxAmount), f.Exemptions))],
            FeeMode = FeeMode,
            OnlineLevel = OnlineLevel,
            ResolvedOnTheSpot = ResolvedOnTheSpot,
            ResultType = ResultType,
            WorkflowKey = WorkflowKey,
            ProcessingDepartmentCode = ProcessingDepartmentCode,
            ResultTemplateCode = ResultTemplateCode,
            SupplementRule = SupplementRule,
            EffectiveFrom = Day("effectiveFrom", EffectiveFrom),
            EffectiveTo = Day("effectiveTo", EffectiveTo),
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // "0.##…" drops the scale a database adds (10.00 → 10); invariant, as an input type=number reads and sends it.
    private static string? Number(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
