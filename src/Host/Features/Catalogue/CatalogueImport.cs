using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Catalogue;

/// <summary>Import and export of the catalogue file (<see cref="CatalogueFile"/>).</summary>
internal static class CatalogueImport
{
    private const long MaxFileBytes = 10 * 1024 * 1024;

    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ImportAsync(
        IFormFile file, OneStopDbContext db, CancellationToken cancellationToken)
    {
        if (file.Length is 0 or > MaxFileBytes)
        {
            return Problem("Tệp rỗng hoặc lớn hơn 10 MB.");
        }

        List<List<string>> records;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            var isXlsx = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
            if (!isXlsx && !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return Problem("Chỉ nhận tệp .csv hoặc .xlsx.");
            }

            try
            {
                records = isXlsx ? Spreadsheets.ReadXlsx(buffer, CatalogueFile.SheetName) : Spreadsheets.ReadCsv(Encoding.UTF8.GetString(buffer.ToArray()));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException)
            {
                return Problem("Không đọc được tệp Excel: " + e.Message);
            }
        }

        var rows = CatalogueFile.ToRows(records, out var problem);
        if (problem is not null)
        {
            return Problem(problem);
        }

        var report = await ImportRowsAsync(rows, db, cancellationToken);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>
    /// Checks every row, then writes all of them in one transaction — or none when any row is bad. Rows are matched on the
    /// local code: an existing procedure is replaced, a new one added. A field code the catalogue lacks is created when the
    /// row gives its name.
    /// </summary>
    public static async Task<ImportReport> ImportRowsAsync(IReadOnlyList<CatalogueFile.Row> rows, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var lookup = await CatalogueLookup.LoadAsync(db, cancellationToken);
        var newFields = new List<Field>();
        var parsed = new List<(CatalogueFile.Row Row, ProcedureRequest Request, List<string> Errors)>();
        foreach (var row in rows)
        {
            var errors = new List<string>();
            var request = CatalogueFile.Parse(row, errors);
            var fieldName = row.Cells.GetValueOrDefault("fieldName", "").Trim();
            if (request.FieldCode is { } code && !lookup.Fields.ContainsKey(code) && fieldName.Length > 0 && code.Length <= 50 && fieldName.Length <= 300)
            {
                var field = new Field { Code = code, Name = fieldName };
                lookup.Fields[code] = field;
                newFields.Add(field);
            }

            parsed.Add((row, request, errors));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<ImportRowError>();
        foreach (var (row, request, errors) in parsed)
        {
            var id = request.LocalCode is { } local && lookup.LocalCodes.TryGetValue(local, out var existing) ? existing : (Guid?)null;
            errors.AddRange(CatalogueRules.Validate(request, lookup, id).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            if (request.LocalCode is { } code && !seen.TryAdd(code, row.Number))
            {
                errors.Add($"localCode: mã '{code}' trùng với dòng {seen[code]}.");
            }

            if (errors.Count > 0)
            {
                failures.Add(new ImportRowError(row.Number, request.LocalCode, errors));
            }
        }

        if (failures.Count > 0)
        {
            return new ImportReport(rows.Count, 0, 0, 0, failures);
        }

        var ids = parsed.Select(p => lookup.LocalCodes.GetValueOrDefault(p.Request.LocalCode!)).Where(id => id != Guid.Empty).ToHashSet();
        var procedures = await db.CatalogueProcedures.WithDetails().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.LocalCode, cancellationToken);
        db.CatalogueFields.AddRange(newFields);
        var created = 0;
        foreach (var (_, request, _) in parsed)
        {
            if (!procedures.TryGetValue(request.LocalCode!.Trim(), out var procedure))
            {
                procedure = new Procedure { NationalCode = "", LocalCode = "", Name = "", Duration = new ProcedureDuration() };
                db.CatalogueProcedures.Add(procedure);
                created++;
            }

            CatalogueRules.Apply(request, procedure, lookup);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(rows.Count, created, parsed.Count - created, newFields.Count, []);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        OneStopDbContext db, CancellationToken cancellationToken, string format = "csv")
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problem($"format '{format}' không hỗ trợ; dùng csv hoặc xlsx.");
        }

        var procedures = await db.CatalogueProcedures.AsNoTracking().WithDetails().OrderBy(p => p.LocalCode).ToListAsync(cancellationToken);
        var rows = procedures.Select(p => (IReadOnlyDictionary<string, string>)CatalogueFile.ToCells(CatalogueRules.ToRequest(p), p.Field!.Name)).ToList();
        return xlsx
            ? TypedResults.File(Spreadsheets.WriteXlsx(CatalogueFile.Columns, CatalogueFile.SheetName, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "danh-muc-tthc.xlsx")
            : TypedResults.File(Spreadsheets.WriteCsv(CatalogueFile.Columns, rows), "text/csv; charset=utf-8", "danh-muc-tthc.csv");
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Tệp danh mục không đọc được (unreadable catalogue file)");
}
