using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Catalogue;

/// <summary>
/// What the catalogue needs to check and write procedures: fields and agencies by code, and which procedure owns each
/// local code. Loaded once per request or import, so a file of a thousand rows costs three queries.
/// </summary>
internal sealed class CatalogueLookup
{
    public required Dictionary<string, Field> Fields { get; init; }

    public required Dictionary<string, Agency> Agencies { get; init; }

    public required Dictionary<string, Guid> LocalCodes { get; init; }

    public static async Task<CatalogueLookup> LoadAsync(OneStopDbContext db, CancellationToken cancellationToken) => new()
    {
        Fields = await db.CatalogueFields.ToDictionaryAsync(f => f.Code, StringComparer.Ordinal, cancellationToken),
        Agencies = await db.Agencies.Include(a => a.Departments).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken),
        LocalCodes = await db.CatalogueProcedures.ToDictionaryAsync(p => p.LocalCode, p => p.Id, StringComparer.Ordinal, cancellationToken),
    };
}

/// <summary>Validation of a procedure (messages in Vietnamese, keyed by the request's JSON path) and its mapping to the entity.</summary>
internal static partial class CatalogueRules
{
    /// <summary>A document's upload limit may not exceed what the submission page accepts (256 MB).</summary>
    public const int MaxUploadKb = 256 * 1024;

    public static Dictionary<string, string[]> Validate(ProcedureRequest r, CatalogueLookup lookup, Guid? id)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        void Text(string key, string? value, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Fail(key, "Bắt buộc nhập.");
                }
            }
            else if (value.Length > max)
            {
                Fail(key, $"Dài quá {max} ký tự.");
            }
        }

        Text("nationalCode", r.NationalCode, 30, required: true);
        if (!string.IsNullOrWhiteSpace(r.NationalCode) && !NationalCodeShape().IsMatch(r.NationalCode))
        {
            Fail("nationalCode", "Mã TTHC quốc gia phải có dạng 1.002835.");
        }

        Text("localCode", r.LocalCode, 60, required: true);
        if (r.LocalCode is { } local && lookup.LocalCodes.TryGetValue(local.Trim(), out var owner) && owner != id)
        {
            Fail("localCode", $"Mã TTHC '{local}' đã có trong danh mục.");
        }

        Text("name", r.Name, 1000, required: true);
        Text("fieldCode", r.FieldCode, 50, required: true);
        if (!string.IsNullOrWhiteSpace(r.FieldCode) && !lookup.Fields.ContainsKey(r.FieldCode.Trim()))
        {
            Fail("fieldCode", $"Không có lĩnh vực mã '{r.FieldCode}'.");
        }

        Text("leadAgencyCode", r.LeadAgencyCode, 40, required: true);
        if (!string.IsNullOrWhiteSpace(r.LeadAgencyCode) && !lookup.Agencies.ContainsKey(r.LeadAgencyCode.Trim()))
        {
            Fail("leadAgencyCode", $"Không có cơ quan mã '{r.LeadAgencyCode}'.");
        }

        var cooperating = r.CooperatingAgencyCodes ?? [];
        for (var i = 0; i < cooperating.Count; i++)
        {
            var code = cooperating[i]?.Trim() ?? "";
            if (!lookup.Agencies.ContainsKey(code))
            {
                Fail($"cooperatingAgencyCodes[{i}]", $"Không có cơ quan mã '{code}'.");
            }
            else if (code == r.LeadAgencyCode?.Trim() || cooperating.Take(i).Any(c => c?.Trim() == code))
            {
                Fail($"cooperatingAgencyCodes[{i}]", $"Cơ quan '{code}' đã có trong thủ tục (chủ trì hoặc phối hợp).");
            }
        }

        Text("legalBasis", r.LegalBasis, 4000, required: false);
        var documents = r.Documents ?? [];
        if (documents.Count == 0)
        {
            Fail("documents", "Cần ít nhất một thành phần hồ sơ.");
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            Text($"documents[{i}].name", d.Name, 1000, required: true);
            if (d.Originals < 0 || d.CertifiedCopies < 0 || d.Photocopies < 0)
            {
                Fail($"documents[{i}]", "Số bản không được âm.");
            }
            else if (d.Originals + d.CertifiedCopies + d.Photocopies == 0)
            {
                Fail($"documents[{i}]", "Cần ít nhất một bản (bản chính, bản sao chứng thực hoặc bản chụp).");
            }

            if ((d.FileTypes & ~(UploadTypes.Pdf | UploadTypes.Jpeg | UploadTypes.Png)) != 0)
            {
                Fail($"documents[{i}].fileTypes", "Loại tệp chỉ gồm PDF, JPEG, PNG.");
            }

            if (d.MaxUploadKb is < 1 or > MaxUploadKb)
            {
                Fail($"documents[{i}].maxUploadKb", "Dung lượng tối đa từ 1 KB đến 262.144 KB (256 MB).");
            }
        }

        if (r.NumberOfSets is < 1 or > 20)
        {
            Fail("numberOfSets", "Số bộ hồ sơ phải từ 1 đến 20.");
        }

        ValidateDuration(r, Fail);
        ValidateFees(r, Fail);

        Text("resultType", r.ResultType, 500, required: false);
        Text("workflowKey", r.WorkflowKey, 200, required: false);
        if (!string.IsNullOrWhiteSpace(r.WorkflowKey) && !ProcessKeyShape().IsMatch(r.WorkflowKey))
        {
            Fail("workflowKey", "Mã quy trình phải là mã (id) của quy trình BPMN: chữ, số, '_', '-', '.'; không bắt đầu bằng số.");
        }

        Text("resultTemplateCode", r.ResultTemplateCode, 100, required: false);
        Text("processingDepartmentCode", r.ProcessingDepartmentCode, 20, required: false);
        if (!string.IsNullOrWhiteSpace(r.ProcessingDepartmentCode) && !string.IsNullOrWhiteSpace(r.LeadAgencyCode)
            && lookup.Agencies.TryGetValue(r.LeadAgencyCode.Trim(), out var lead)
            && !lead.Departments.Any(d => d.Code == r.ProcessingDepartmentCode.Trim()))
        {
            Fail("processingDepartmentCode", $"Cơ quan {lead.Code} không có phòng mã '{r.ProcessingDepartmentCode.Trim()}'.");
        }

        if (r.EffectiveFrom is null)
        {
            Fail("effectiveFrom", "Bắt buộc nhập ngày hiệu lực.");
        }
        else if (r.EffectiveTo < r.EffectiveFrom)
        {
            Fail("effectiveTo", "Ngày hết hiệu lực phải sau ngày hiệu lực.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateDuration(ProcedureRequest r, Action<string, string> fail)
    {
        if (r.Duration is not { } d)
        {
            fail("duration", "Bắt buộc nhập thời hạn giải quyết.");
            return;
        }

        if (d.Unit != DurationUnit.SameDay && d.Value <= 0)
        {
            fail("duration.value", "Thời hạn phải lớn hơn 0.");
        }

        if (d.Unit == DurationUnit.SameDay && d.Value != 0)
        {
            fail("duration.value", "Thủ tục giải quyết trong ngày có thời hạn 0.");
        }

        if (d.SecondStage <= 0)
        {
            fail("duration.secondStage", "Thời hạn giai đoạn 2 phải lớn hơn 0.");
        }

        if (d.RemoteArea is { } remote && remote <= d.Value)
        {
            fail("duration.remoteArea", "Thời hạn cho vùng sâu, vùng xa phải dài hơn thời hạn thường.");
        }

        if (r.ResolvedOnTheSpot && d.Unit is not (DurationUnit.SameDay or DurationUnit.WorkingHours))
        {
            fail("resolvedOnTheSpot", "Thủ tục giải quyết ngay tại chỗ phải có thời hạn trong ngày hoặc tính bằng giờ làm việc.");
        }
    }

    private static void ValidateFees(ProcedureRequest r, Action<string, string> fail)
    {
        var fees = r.Fees ?? [];
        if (r.FeeMode == FeeMode.Exempt && fees.Count > 0)
        {
            fail("fees", "Thủ tục miễn phí, lệ phí không có dòng phí.");
        }

        if (r.FeeMode != FeeMode.Exempt && fees.Count == 0)
        {
            fail("fees", "Cần ít nhất một dòng phí, lệ phí; hoặc chọn hình thức thu 'Exempt' (miễn).");
        }

        for (var i = 0; i < fees.Count; i++)
        {
            var f = fees[i];
            var key = $"fees[{i}]";
            if (string.IsNullOrWhiteSpace(f.Description))
            {
                fail($"{key}.description", "Bắt buộc nhập nội dung thu.");
            }
            else if (f.Description.Length > 500)
            {
                fail($"{key}.description", "Dài quá 500 ký tự.");
            }

            if (f.Amount < 0 || f.NextAmount < 0 || f.MaxAmount < 0)
            {
                fail($"{key}.amount", "Mức thu không được âm.");
            }

            if (f.Basis == FeeBasis.PerDossier && (f.FirstUnits is not null || f.NextAmount is not null))
            {
                fail($"{key}.basis", "Mức thu theo bậc (số bản/trang đầu, mức sau) chỉ dùng khi thu theo bản hoặc theo trang.");
            }

            if (f.FirstUnits <= 0)
            {
                fail($"{key}.firstUnits", "Số bản/trang đầu phải lớn hơn 0.");
            }

            if ((f.FirstUnits is null) != (f.NextAmount is null))
            {
                fail($"{key}.nextAmount", "Nhập cả số bản/trang đầu và mức thu từ bản/trang tiếp theo, hoặc bỏ trống cả hai.");
            }

            if (f.MaxAmount is { } max && max < f.Amount)
            {
                fail($"{key}.maxAmount", "Mức thu tối đa không được nhỏ hơn mức thu.");
            }

            if (f.Exemptions?.Length > 1000)
            {
                fail($"{key}.exemptions", "Dài quá 1000 ký tự.");
            }
        }
    }

    /// <summary>Writes a validated request onto <paramref name="p"/>; documents and fee lines are replaced as a whole.</summary>
    public static void Apply(ProcedureRequest r, Procedure p, CatalogueLookup lookup)
    {
        p.NationalCode = r.NationalCode!.Trim();
        p.LocalCode = r.LocalCode!.Trim();
        p.Name = r.Name!.Trim();
        p.FieldId = lookup.Fields[r.FieldCode!.Trim()].Id;
        p.LeadAgencyId = lookup.Agencies[r.LeadAgencyCode!.Trim()].Id;
        var cooperating = (r.CooperatingAgencyCodes ?? []).Select(c => lookup.Agencies[c.Trim()]).ToList();
        p.CooperatingAgencies.RemoveAll(a => !cooperating.Contains(a));
        p.CooperatingAgencies.AddRange(cooperating.Where(a => !p.CooperatingAgencies.Contains(a)));
        p.LegalBasis = Blank(r.LegalBasis);
        p.Documents.Clear();
        p.Documents.AddRange((r.Documents ?? []).Select((d, i) => new RequiredDocument
        {
            Position = i + 1, Name = d.Name!.Trim(), Originals = d.Originals, CertifiedCopies = d.CertifiedCopies, Photocopies = d.Photocopies,
            FileTypes = d.FileTypes, MaxUploadKb = d.MaxUploadKb,
        }));
        p.NumberOfSets = r.NumberOfSets;
        var duration = r.Duration!;
        p.Duration = new ProcedureDuration { Value = duration.Value, Unit = duration.Unit, SecondStage = duration.SecondStage, RemoteArea = duration.RemoteArea };
        p.Fees.Clear();
        p.Fees.AddRange((r.Fees ?? []).Select((f, i) => new FeeLine
        {
            Position = i + 1, Kind = f.Kind, Description = f.Description!.Trim(), Amount = f.Amount, Basis = f.Basis,
            FirstUnits = f.FirstUnits, NextAmount = f.NextAmount, MaxAmount = f.MaxAmount, Exemptions = Blank(f.Exemptions),
        }));
        p.FeeMode = r.FeeMode;
        p.OnlineLevel = r.OnlineLevel;
        p.ResolvedOnTheSpot = r.ResolvedOnTheSpot;
        p.ResultType = Blank(r.ResultType);
        p.WorkflowKey = Blank(r.WorkflowKey);
        p.ResultTemplateCode = Blank(r.ResultTemplateCode);
        p.ProcessingDepartmentCode = Blank(r.ProcessingDepartmentCode);
        p.SupplementRule = r.SupplementRule;
        p.EffectiveFrom = r.EffectiveFrom!.Value;
        p.EffectiveTo = r.EffectiveTo;
        p.RefreshSearchText();
    }

    /// <summary>The request that would recreate <paramref name="p"/> (export, and the round trip of an update).</summary>
    public static ProcedureRequest ToRequest(Procedure p) => new()
    {
        NationalCode = p.NationalCode,
        LocalCode = p.LocalCode,
        Name = p.Name,
        FieldCode = p.Field!.Code,
        LeadAgencyCode = p.LeadAgency!.Code,
        CooperatingAgencyCodes = [.. p.CooperatingAgencies.Select(a => a.Code).Order(StringComparer.Ordinal)],
        LegalBasis = p.LegalBasis,
        Documents = [.. p.Documents.OrderBy(d => d.Position).Select(d => new DocumentDto(d.Name, d.Originals, d.CertifiedCopies, d.Photocopies, d.FileTypes, d.MaxUploadKb))],
        NumberOfSets = p.NumberOfSets,
        Duration = new DurationDto(p.Duration.Value, p.Duration.Unit, p.Duration.SecondStage, p.Duration.RemoteArea),
        Fees = [.. p.Fees.OrderBy(f => f.Position).Select(f => new FeeDto(f.Kind, f.Description, f.Amount, f.Basis, f.FirstUnits, f.NextAmount, f.MaxAmount, f.Exemptions))],
        FeeMode = p.FeeMode,
        OnlineLevel = p.OnlineLevel,
        ResolvedOnTheSpot = p.ResolvedOnTheSpot,
        ResultType = p.ResultType,
        WorkflowKey = p.WorkflowKey,
        ResultTemplateCode = p.ResultTemplateCode,
        ProcessingDepartmentCode = p.ProcessingDepartmentCode,
        SupplementRule = p.SupplementRule,
        EffectiveFrom = p.EffectiveFrom,
        EffectiveTo = p.EffectiveTo,
    };

    public static ProcedureDto ToDto(Procedure p)
    {
        var r = ToRequest(p);
        return new ProcedureDto(p.Id, p.NationalCode, p.LocalCode, p.Name, new CodeName(p.Field!.Code, p.Field.Name),
            new CodeName(p.LeadAgency!.Code, p.LeadAgency.Name),
            [.. p.CooperatingAgencies.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new CodeName(a.Code, a.Name))],
            p.LegalBasis, r.Documents!, p.NumberOfSets, r.Duration!, r.Fees!, p.FeeMode, p.OnlineLevel, p.ResolvedOnTheSpot,
            p.ResultType, p.WorkflowKey, p.ResultTemplateCode, p.SupplementRule, p.EffectiveFrom, p.EffectiveTo, p.ProcessingDepartmentCode);
    }

    /// <summary>Procedures with everything <see cref="ToDto"/> and <see cref="ToRequest"/> read.</summary>
    public static IQueryable<Procedure> WithDetails(this IQueryable<Procedure> procedures) =>
        procedures.Include(p => p.Field).Include(p => p.LeadAgency).Include(p => p.CooperatingAgencies).AsSplitQuery();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex NationalCodeShape();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ProcessKeyShape();
}
