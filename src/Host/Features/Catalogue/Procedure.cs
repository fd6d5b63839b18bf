using System.Globalization;
using System.Text;
using OneStop.Host.Features.Agencies;

namespace OneStop.Host.Features.Catalogue;

/// <summary>A field (lĩnh vực) that groups procedures, e.g. "Hộ tịch", "Đất đai".</summary>
public sealed class Field
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string Name { get; set; }
}

/// <summary>An administrative procedure (TTHC: thủ tục hành chính) as the province publishes it.</summary>
public sealed class Procedure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Code in the national database (Cơ sở dữ liệu quốc gia về TTHC), e.g. <c>1.002835</c>.</summary>
    public required string NationalCode { get; set; }

    /// <summary>The province's code, e.g. <c>1.002835.000.00.00.H56</c>; the catalogue's natural key (import matches on it).</summary>
    public required string LocalCode { get; set; }

    public required string Name { get; set; }

    /// <summary>Name and codes lower-cased without diacritics, so "dang ky" finds "Đăng ký" on every provider.</summary>
    public string SearchText { get; private set; } = "";

    public Guid FieldId { get; set; }

    public Field? Field { get; set; }

    /// <summary>The agency that decides (cơ quan chủ trì).</summary>
    public Guid LeadAgencyId { get; set; }

    public Agency? LeadAgency { get; set; }

    /// <summary>Agencies that take part (cơ quan phối hợp) — inter-agency procedures (liên thông).</summary>
    public List<Agency> CooperatingAgencies { get; } = [];

    /// <summary>Căn cứ pháp lý: one legal document per line.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>Thành phần hồ sơ, in the order of the published list.</summary>
    public List<RequiredDocument> Documents { get; } = [];

    /// <summary>Số lượng hồ sơ (bộ).</summary>
    public int NumberOfSets { get; set; } = 1;

    public required ProcedureDuration Duration { get; set; }

    public List<FeeLine> Fees { get; } = [];

    public FeeMode FeeMode { get; set; }

    public OnlineLevel OnlineLevel { get; set; }

    /// <summary>Giải quyết ngay tại chỗ: completed and returned in the same visit.</summary>
    public bool ResolvedOnTheSpot { get; set; }

    /// <summary>Kết quả thực hiện, e.g. "Giấy chứng nhận đăng ký doanh nghiệp".</summary>
    public string? ResultType { get; set; }

    /// <summary>Key (BPMN process id) of the internal workflow (quy trình nội bộ) started on reception.</summary>
    public string? WorkflowKey { get; set; }

    /// <summary>
    /// The department of the lead agency that processes the dossiers (phòng chuyên môn), its code within the agency. The
    /// flow receives it as <c>processingUnit</c> (<c>AGENCY/DEPT</c>), so one flow serves the procedures of many agencies.
    /// </summary>
    public string? ProcessingDepartmentCode { get; set; }

    /// <summary>Code of the notice template that renders the result (decision or result notice).</summary>
    public string? ResultTemplateCode { get; set; }

    public SupplementRule SupplementRule { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Recomputes <see cref="SearchText"/>; call after changing the name or codes.</summary>
    public void RefreshSearchText() => SearchText = Fold($"{Name} {NationalCode} {LocalCode}");

    /// <summary>Lower case without Vietnamese diacritics ("Đăng ký" → "dang ky").</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>One document of the dossier and how many of each kind of copy the citizen brings.</summary>
public sealed class RequiredDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Place in the published list, from 1; rows come back from the database in no particular order.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    /// <summary>Bản chính.</summary>
    public int Originals { get; set; }

    /// <summary>Bản sao chứng thực.</summary>
    public int CertifiedCopies { get; set; }

    /// <summary>Bản photo (bản chụp).</summary>
    public int Photocopies { get; set; }

    /// <summary>The file types accepted when this document is uploaded online; None accepts every type the portal knows.</summary>
    public UploadTypes FileTypes { get; set; }

    /// <summary>The largest upload of this document, in KB; null takes <c>Portal:MaxUploadBytes</c>.</summary>
    public int? MaxUploadKb { get; set; }
}

/// <summary>File types a citizen may upload, recognised by content (<c>Uploads</c>).</summary>
[Flags]
public enum UploadTypes
{
    None = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 4,
}

public static class UploadTypesExtensions
{
    /// <summary>The single types of a combination, in declaration order: Pdf | Png → Pdf, Png.</summary>
    public static IEnumerable<UploadTypes> Each(this UploadTypes types) =>
        Enum.GetValues<UploadTypes>().Where(t => t != UploadTypes.None && types.HasFlag(t));
}

/// <summary>Thời hạn giải quyết: value and unit, with an optional second stage and a longer limit for remote areas.</summary>
public sealed class ProcedureDuration
{
    public decimal Value { get; set; }

    public DurationUnit Unit { get; set; }

    /// <summary>Duration of a second stage (e.g. at the ministry), in the same unit.</summary>
    public decimal? SecondStage { get; set; }

    /// <summary>The limit that applies in remote and disadvantaged areas (vùng sâu, vùng xa), in the same unit.</summary>
    public decimal? RemoteArea { get; set; }
}

/// <summary>One line of the fee schedule: a phí or a lệ phí, flat or per copy or page, with tiers and a cap.</summary>
public sealed class FeeLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Place in the fee schedule, from 1.</summary>
    public int Position { get; set; }

    public FeeKind Kind { get; set; }

    /// <summary>What is charged for, e.g. "Chứng thực bản sao từ bản chính".</summary>
    public required string Description { get; set; }

    /// <summary>Amount in VND: per dossier, or per copy / page for the first <see cref="FirstUnits"/> units.</summary>
    public decimal Amount { get; set; }

    public FeeBasis Basis { get; set; }

    /// <summary>How many copies or pages <see cref="Amount"/> applies to; the rest cost <see cref="NextAmount"/> each.</summary>
    public int? FirstUnits { get; set; }

    public decimal? NextAmount { get; set; }

    /// <summary>Maximum charged per document (mức thu tối đa).</summary>
    public decimal? MaxAmount { get; set; }

    /// <summary>Đối tượng miễn, giảm: who is exempt, as the legal text says.</summary>
    public string? Exemptions { get; set; }

    /// <summary>The amount for <paramref name="units"/> copies or pages (ignored per dossier), capped.</summary>
    public decimal AmountFor(int units)
    {
        if (Basis == FeeBasis.PerDossier)
        {
            return Amount;
        }

        var first = Math.Min(units, FirstUnits ?? units);
        var total = first * Amount + (units - first) * (NextAmount ?? Amount);
        return MaxAmount is { } max ? Math.Min(total, max) : total;
    }
}

public enum DurationUnit
{
    WorkingDays,
    CalendarDays,
    WorkingHours,
    /// <summary>Trong ngày: due the same working day (the next one when received after 15:00).</summary>
    SameDay,
}

public enum FeeKind
{
    /// <summary>Phí: pays for a public service.</summary>
    Fee,
    /// <summary>Lệ phí: a state charge for the administrative act.</summary>
    Charge,
}

public enum FeeBasis
{
    PerDossier,
    PerCopy,
    PerPage,
}

public enum FeeMode
{
    /// <summary>Thu khi tiếp nhận.</summary>
    CollectBefore,
    /// <summary>Thu khi trả kết quả.</summary>
    CollectAfter,
    Exempt,
}

/// <summary>Mức độ dịch vụ công trực tuyến (Decree 42/2022).</summary>
public enum OnlineLevel
{
    None,
    /// <summary>Một phần (formerly level 3).</summary>
    Partly,
    /// <summary>Toàn trình (formerly level 4).</summary>
    Fully,
}

/// <summary>What a supplement request does to the dossier clock.</summary>
public enum SupplementRule
{
    /// <summary>The due date moves back by the waiting time.</summary>
    Pause,
    /// <summary>The full duration is recomputed from the complete supplement.</summary>
    Restart,
}
