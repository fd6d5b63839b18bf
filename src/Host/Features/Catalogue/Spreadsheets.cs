using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace OneStop.Host.Features.Catalogue;

/// <summary>Rows of text cells to and from CSV and XLSX; the catalogue's columns are <see cref="CatalogueFile"/>'s business.</summary>
internal static class Spreadsheets
{
    // CSV: RFC 4180, UTF-8 with a byte-order mark so that Excel shows Vietnamese letters.
    public static byte[] WriteCsv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Quote(row.GetValueOrDefault(c, "")))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

        static string Quote(string value) =>
            value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Reads CSV (comma or, as Excel writes it with Vietnamese regional settings, semicolon separated).</summary>
    public static List<List<string>> ReadCsv(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return records;
    }

    public static byte[] WriteXlsx(IReadOnlyList<string> columns, string sheetName, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var sheet = rows.Select(r => columns.ToDictionary(c => c, object (c) => r.GetValueOrDefault(c, ""))).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(columns.ToDictionary(c => c, object (_) => ""));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The cells of sheet <paramref name="sheetName"/> (or the first sheet) as text, row by row from row 1.</summary>
    public static List<List<string>> ReadXlsx(Stream stream, string sheetName)
    {
        var sheets = stream.GetSheetNames();
        var sheet = sheets.Contains(sheetName) ? sheetName : sheets.FirstOrDefault();
        stream.Position = 0;
        var records = new List<List<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            records.Add([.. row.Values.Select(v => v switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            })]);
        }

        return records;
    }
}
