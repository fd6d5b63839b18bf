using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OneStop.Host.Features.Catalogue;

/// <summary>
/// The catalogue file: one row per procedure, the same columns in CSV and XLSX (sheet <c>ThuTuc</c>). Lists sit in one
/// cell, one item per line: documents as <c>Name (originals/certified copies/photocopies)</c>, optionally followed by the
/// online upload rule <c>[pdf, png; 2 MB]</c> (types, size in KB or MB, either may be left out), fee lines as
/// <c>kind=Charge; description=…; amount=2000; basis=PerPage; first=2; next=1000; max=200000; exemptions=…</c>,
/// cooperating agencies as codes separated by commas or lines. See docs/decisions/0008-catalogue-and-codes.md.
/// </summary>
internal static partial class CatalogueFile
{
    public const string SheetName = "ThuTuc";

    public static readonly IReadOnlyList<string> Columns =
    [
        "nationalCode", "localCode", "name", "fieldCode", "fieldName", "leadAgencyCode", "cooperatingAgencyCodes", "legalBasis",
        "documents", "numberOfSets", "durationValue", "durationUnit", "durationSecondStage", "durationRemoteArea", "feeMode", "fees",
        "onlineLevel", "resolvedOnTheSpot", "resultType", "workflowKey", "resultTemplateCode", "supplementRule", "effectiveFrom", "effectiveTo",
        "processingDepartmentCode",
    ];

    private static readonly string[] FeeKeys = ["kind", "description", "amount", "basis", "first", "next", "max", "exemptions"];

    /// <summary>A row as read from a file: its spreadsheet row number and its cells by column name.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells);

    /// <summary>One procedure as the cells of a row.</summary>
    public static Dictionary<string, string> ToCells(ProcedureRequest r, string fieldName)
    {
        // "0.##…" drops the scale a database adds (10.00 → 10), so an export reads like what was imported.
        static string N(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "";
        return new Dictionary<string, string>
        {
            ["nationalCode"] = r.NationalCode ?? "",
            ["localCode"] = r.LocalCode ?? "",
            ["name"] = r.Name ?? "",
            ["fieldCode"] = r.FieldCode ?? "",
            ["fieldName"] = fieldName,
            ["leadAgencyCode"] = r.LeadAgencyCode ?? "",
            ["cooperatingAgencyCodes"] = string.Join(", ", r.CooperatingAgencyCodes ?? []),
            ["legalBasis"] = r.LegalBasis ?? "",
            ["documents"] = string.Join("\n", (r.Documents ?? []).Select(d =>
                string.Create(CultureInfo.InvariantCulture, $"{d.Name} ({d.Originals}/{d.CertifiedCopies}/{d.Photocopies}){UploadRuleText(d)}"))),
            ["numberOfSets"] = r.NumberOfSets.ToString(CultureInfo.InvariantCulture),
            ["durationValue"] = N(r.Duration?.Value),
            ["durationUnit"] = r.Duration?.Unit.ToString() ?? "",
            ["durationSecondStage"] = N(r.Duration?.SecondStage),
            ["durationRemoteArea"] = N(r.Duration?.RemoteArea),
            ["feeMode"] = r.FeeMode.ToString(),
            ["fees"] = string.Join("\n", (r.Fees ?? []).Select(FeeText)),
            ["onlineLevel"] = r.OnlineLevel.ToString(),
            ["resolvedOnTheSpot"] = r.ResolvedOnTheSpot ? "true" : "false",
            ["resultType"] = r.ResultType ?? "",
            ["workflowKey"] = r.WorkflowKey ?? "",
            ["resultTemplateCode"] = r.ResultTemplateCode ?? "",
            ["processingDepartmentCode"] = r.ProcessingDepartmentCode ?? "",
            ["supplementRule"] = r.SupplementRule.ToString(),
            ["effectiveFrom"] = r.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["effectiveTo"] = r.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };

        static string FeeText(FeeDto f)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"kind={f.Kind}; description={f.Description}; amount={N(f.Amount)}; basis={f.Basis}");
            if (f.FirstUnits is { } first)
            {
                text.Append(CultureInfo.InvariantCulture, $"; first={first}; next={N(f.NextAmount)}");
            }

            if (f.MaxAmount is { } max)
            {
                text.Append(CultureInfo.InvariantCulture, $"; max={N(max)}");
            }

            if (!string.IsNullOrEmpty(f.Exemptions))
            {
                text.Append("; exemptions=").Append(f.Exemptions);
            }

            return text.ToString();
        }
    }

    /// <summary>Reads a row into a request; what cannot be read is reported by column and the rest is left for validation.</summary>
    public static ProcedureRequest Parse(Row row, List<string> errors)
    {
        string Cell(string column) => row.Cells.TryGetValue(column, out var v) ? v.Trim() : "";
        string? Optional(string column) => Cell(column) is { Length: > 0 } v ? v : null;

        decimal? Number(string column, string? text = null)
        {
            text ??= Cell(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{column}: '{text}' không phải là số (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn).");
            return null;
        }

        TEnum Choice<TEnum>(string column, TEnum fallback) where TEnum : struct, Enum
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                return fallback;
            }

            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.All(char.IsAsciiDigit))
            {
                return value;
            }

            errors.Add($"{column}: '{text}' không hợp lệ; chọn một trong {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return fallback;
        }

        DateOnly? Date(string column)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add($"{column}: '{text}' không phải là ngày (yyyy-MM-dd hoặc dd/MM/yyyy).");
            return null;
        }

        var spot = Cell("resolvedOnTheSpot").ToLowerInvariant();
        var onTheSpot = spot is "true" or "1" or "x" or "có" or "co";
        if (!onTheSpot && spot is not ("" or "false" or "0" or "không" or "khong"))
        {
            errors.Add($"resolvedOnTheSpot: '{Cell("resolvedOnTheSpot")}' không hợp lệ; dùng true hoặc false.");
        }

        var sets = Number("numberOfSets");
        var durationValue = Number("durationValue");
        return new ProcedureRequest
        {
            NationalCode = Optional("nationalCode"),
            LocalCode = Optional("localCode"),
            Name = Optional("name"),
            FieldCode = Optional("fieldCode"),
            LeadAgencyCode = Optional("leadAgencyCode"),
            CooperatingAgencyCodes = [.. Cell("cooperatingAgencyCodes").Split([',', ';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            LegalBasis = Optional("legalBasis"),
            Documents = ParseDocuments(Cell("documents"), errors),
            NumberOfSets = sets is { } s && s == decimal.Truncate(s) ? (int)s : sets is null ? 1 : Invalid(errors, "numberOfSets", "phải là số nguyên"),
            Duration = durationValue is null && Cell("durationUnit").Length == 0
                ? null
                : new DurationDto(durationValue ?? 0, Choice("durationUnit", DurationUnit.WorkingDays), Number("durationSecondStage"), Number("durationRemoteArea")),
            FeeMode = Choice("feeMode", FeeMode.Exempt),
            Fees = ParseFees(Cell("fees"), errors, t => Number("fees", t)),
            OnlineLevel = Choice("onlineLevel", OnlineLevel.None),
            ResolvedOnTheSpot = onTheSpot,
            ResultType = Optional("resultType"),
            WorkflowKey = Optional("workflowKey"),
            ResultTemplateCode = Optional("resultTemplateCode"),
            ProcessingDepartmentCode = Optional("processingDepartmentCode"),
            SupplementRule = Choice("supplementRule", SupplementRule.Pause),
            EffectiveFrom = Date("effectiveFrom"),
            EffectiveTo = Date("effectiveTo"),
        };
    }

    private static int Invalid(List<string> errors, string column, string message)
    {
        errors.Add($"{column}: {message}.");
        return 0;
    }

    private static List<DocumentDto> ParseDocuments(string cell, List<string> errors)
    {
        var documents = new List<DocumentDto>();
        foreach (var line in Lines(cell))
        {
            var match = DocumentShape().Match(line);
            if (!match.Success)
            {
                errors.Add($"documents: '{line}' phải có dạng 'Tên giấy tờ (bản chính/bản sao chứng thực/bản chụp)', ví dụ 'Giấy khai sinh (1/0/0)' hoặc 'Ảnh chân dung (2/0/0) [jpeg, png; 2 MB]'.");
                continue;
            }

            int Count(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            var (types, maxKb) = ParseUploadRule(match.Groups["rule"].Value, line, errors);
            documents.Add(new DocumentDto(match.Groups["name"].Value.Trim(), Count("o"), Count("c"), Count("p"), types, maxKb));
        }

        return documents;
    }

    private static List<FeeDto> ParseFees(string cell, List<string> errors, Func<string, decimal?> number)
    {
        var fees = new List<FeeDto>();
        foreach (var line in Lines(cell))
        {
            var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in FeeSeparator().Split(line))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? "" : part[..equals].Trim();
                if (!FeeKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"fees: '{part.Trim()}' không hợp lệ; mỗi dòng phí gồm các mục {string.Join(", ", FeeKeys.Select(k => k + "=…"))} cách nhau bằng ';'.");
                    continue;
                }

                parts[key] = part[(equals + 1)..].Trim();
            }

            TEnum Choice<TEnum>(string key, TEnum fallback) where TEnum : struct, Enum
            {
                if (!parts.TryGetValue(key, out var text) || text.Length == 0)
                {
                    return fallback;
                }

                if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.All(char.IsAsciiDigit))
                {
                    return value;
                }

                errors.Add($"fees: {key}='{text}' không hợp lệ; chọn một trong {string.Join(", ", Enum.GetNames<TEnum>())}.");
                return fallback;
            }

            decimal? Amount(string key) => parts.TryGetValue(key, out var text) ? number(text) : null;
            var first = Amount("first");
            fees.Add(new FeeDto(
                Choice("kind", FeeKind.Charge), parts.GetValueOrDefault("description"), Amount("amount") ?? 0, Choice("basis", FeeBasis.PerDossier),
                first is null ? null : (int)first, Amount("next"), Amount("max"), parts.GetValueOrDefault("exemptions")));
        }

        return fees;
    }

    private static string[] Lines(string cell) =>
        cell.Split(['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Turns records (the first one the header) into rows; fails with the missing or unknown column names.</summary>
    public static List<Row> ToRows(List<List<string>> records, out string? problem)
    {
        problem = null;
        if (records.Count == 0)
        {
            problem = "Tệp không có dữ liệu.";
            return [];
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        var missing = Columns.Except(header, StringComparer.Ordinal).ToList();
        var unknown = header.Except(Columns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            problem = (missing.Count > 0 ? $"Thiếu cột: {string.Join(", ", missing)}. " : "")
                + (unknown.Count > 0 ? $"Cột không dùng được: {string.Join(", ", unknown)}. " : "")
                + "Dòng 1 phải là tiêu đề các cột như trong tệp xuất ra.";
            return [];
        }

        var rows = new List<Row>();
        for (var i = 1; i < records.Count; i++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                cells[header[c]] = c < records[i].Count ? records[i][c] : "";
            }

            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                rows.Add(new Row(i + 1, cells));
            }
        }

        return rows;
    }

    /// <summary>" [pdf, png; 2 MB]" after the counts, or nothing when the document takes the portal's defaults.</summary>
    private static string UploadRuleText(DocumentDto d)
    {
        var parts = new List<string>();
        if (d.FileTypes != UploadTypes.None)
        {
            parts.Add(string.Join(", ", d.FileTypes.Each().Select(t => t.ToString().ToLowerInvariant())));
        }

        if (d.MaxUploadKb is { } kb)
        {
            parts.Add(kb % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024} MB") : string.Create(CultureInfo.InvariantCulture, $"{kb} KB"));
        }

        return parts.Count == 0 ? "" : $" [{string.Join("; ", parts)}]";
    }

    /// <summary>"pdf, png; 2 MB" → types and KB; every token is a type (pdf, jpeg, jpg, png) or a size (number with KB or MB).</summary>
    private static (UploadTypes Types, int? MaxKb) ParseUploadRule(string rule, string line, List<string> errors)
    {
        var types = UploadTypes.None;
        int? maxKb = null;
        foreach (var token in rule.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var size = UploadSize().Match(token);
            if (size.Success)
            {
                var value = long.Parse(size.Groups["n"].Value, CultureInfo.InvariantCulture);
                var kb = size.Groups["u"].Value.Equals("MB", StringComparison.OrdinalIgnoreCase) ? value * 1024 : value;
                maxKb = (int)Math.Min(kb, int.MaxValue);
                continue;
            }

            var type = token.ToLowerInvariant() switch
            {
                "pdf" => UploadTypes.Pdf,
                "jpeg" or "jpg" => UploadTypes.Jpeg,
                "png" => UploadTypes.Png,
                _ => UploadTypes.None,
            };
            if (type == UploadTypes.None)
            {
                errors.Add($"documents: '{line}': '{token}' không phải loại tệp (pdf, jpeg, png) hay dung lượng (ví dụ 2 MB, 500 KB).");
            }

            types |= type;
        }

        return (types, maxKb);
    }

    [GeneratedRegex(@"^(?<n>\d{1,9})\s*(?<u>KB|MB)$", RegexOptions.IgnoreCase)]
    private static partial Regex UploadSize();

    [GeneratedRegex(@"^(?<name>.+?)\s*\((?<o>\d+)\s*/\s*(?<c>\d+)\s*/\s*(?<p>\d+)\)(?:\s*\[(?<rule>[^\]]*)\])?$")]
    private static partial Regex DocumentShape();

    // A ';' separates two items only before a known key, so a description or an exemption may contain ';' itself.
    [GeneratedRegex(@";\s*(?=(?:kind|description|amount|basis|first|next|max|exemptions)\s*=)", RegexOptions.IgnoreCase)]
    private static partial Regex FeeSeparator();
}
