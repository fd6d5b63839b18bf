using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Host.Features.Notices;

/// <summary>templates/notices/manifest.json: which template prints which form, under which legal basis, and when.</summary>
public sealed record NoticeManifest
{
    /// <summary>The page shell (HTML head, print CSS) every notice is wrapped in.</summary>
    public required string Layout { get; init; }

    /// <summary>The common header partial (governing body, motto, place and date, number, QR and barcode).</summary>
    public required string Header { get; init; }

    public required IReadOnlyList<NoticeTemplateInfo> Templates { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

/// <summary>One printable form version.</summary>
/// <param name="Code">Stable code, e.g. <c>TT01-2018/01</c>, <c>TT03-2025/04</c>, <c>fee-receipt</c>.</param>
/// <param name="Form">What the notice is for, shared by its versions (e.g. <c>receipt</c>, <c>apology</c>): the key to pick by date.</param>
/// <param name="FormNumber">As printed, e.g. "Mẫu số 01".</param>
/// <param name="EffectiveFrom">First day the form applies; null = since always.</param>
/// <param name="EffectiveTo">Last day it applies; null = until replaced.</param>
/// <param name="Numbered">Whether the header shows "Số: …".</param>
/// <param name="Landscape">Printed on landscape A4 (the ledger's wide table).</param>
public sealed record NoticeTemplateInfo(
    string Code,
    string Form,
    string? FormNumber,
    string Title,
    string LegalBasis,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    string Template,
    string Sample,
    bool Numbered = true,
    bool Landscape = false)
{
    public bool IsValidOn(DateOnly date) => (EffectiveFrom is null || EffectiveFrom <= date) && (EffectiveTo is null || date <= EffectiveTo);
}
