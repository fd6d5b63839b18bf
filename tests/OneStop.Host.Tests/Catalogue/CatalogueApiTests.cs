using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Catalogue;

public sealed class CatalogueApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public async Task Search_finds_procedures_by_name_without_diacritics_by_code_field_and_agency_paged()
    {
        using var citizen = await AsAsync("citizen");

        var byName = await SearchAsync(citizen, "q=ly%20lich%20tu%20phap");
        var byCode = await SearchAsync(citizen, "q=2.000815");
        var byField = await SearchAsync(citizen, "field=DKDN&pageSize=2");
        var byCooperatingAgency = await SearchAsync(citizen, "agency=000.00.61.H56&pageSize=50");

        Assert.Contains(byName.GetProperty("items").EnumerateArray(), p => p.GetProperty("nationalCode").GetString() == "2.000488");
        Assert.Equal("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
            byCode.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(2, byField.GetProperty("items").GetArrayLength());
        Assert.True(byField.GetProperty("total").GetInt32() > 2);
        var insurance = byCooperatingAgency.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("localCode").GetString()).ToList();
        Assert.Contains("1.001193.000.00.03.H56", insurance); // led by Sở Tư pháp, Social Insurance cooperates
        Assert.Contains("1.002766.000.00.61.H56", insurance);
    }

    [Fact]
    public async Task Get_returns_documents_duration_and_the_per_page_fee_with_its_cap()
    {
        using var citizen = await AsAsync("citizen");
        var id = (await SearchAsync(citizen, "q=2.000815")).GetProperty("items")[0].GetProperty("id").GetString();

        var procedure = await OidcClient.ReadJsonAsync(await citizen.GetAsync(new Uri($"/api/catalogue/procedures/{id}", UriKind.Relative)));

        Assert.Equal("SameDay", procedure.GetProperty("duration").GetProperty("unit").GetString());
        Assert.True(procedure.GetProperty("resolvedOnTheSpot").GetBoolean());
        var fee = procedure.GetProperty("fees")[0];
        Assert.Equal("PerPage", fee.GetProperty("basis").GetString());
        Assert.Equal(2000, fee.GetProperty("amount").GetDecimal());
        Assert.Equal(2, fee.GetProperty("firstUnits").GetInt32());
        Assert.Equal(1000, fee.GetProperty("nextAmount").GetDecimal());
        Assert.Equal(200_000, fee.GetProperty("maxAmount").GetDecimal());
        Assert.Equal(2, procedure.GetProperty("documents").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri($"/api/catalogue/procedures/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Create_names_each_invalid_field_and_a_valid_procedure_can_be_created_and_updated()
    {
        using var admin = await AsAsync("admin");
        var bad = Valid("1.999001") with
        {
            Name = " ",
            LeadAgencyCode = "000.00.99.H56",
            Duration = new DurationDto(0, DurationUnit.WorkingDays),
            Documents = [new DocumentDto("Tờ khai", 0, 0, 0)],
        };

        var rejected = await admin.PostAsJsonAsync("/api/catalogue/procedures", bad, Json);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var errors = (await OidcClient.ReadJsonAsync(rejected)).GetProperty("errors");
        Assert.Equal(["documents[0]", "duration.value", "leadAgencyCode", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("000.00.99.H56", errors.GetProperty("leadAgencyCode")[0].GetString(), StringComparison.Ordinal);

        var created = await admin.PostAsJsonAsync("/api/catalogue/procedures", Valid("1.999001"), Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await OidcClient.ReadJsonAsync(created)).GetProperty("id").GetString();
        var duplicate = await admin.PostAsJsonAsync("/api/catalogue/procedures", Valid("1.999001"), Json);
        Assert.True(duplicate.StatusCode == HttpStatusCode.BadRequest, await duplicate.Content.ReadAsStringAsync());
        Assert.True((await OidcClient.ReadJsonAsync(duplicate)).GetProperty("errors").TryGetProperty("localCode", out _));

        var updated = await admin.PutAsJsonAsync($"/api/catalogue/procedures/{id}",
            Valid("1.999001") with { Name = "Thủ tục thử nghiệm (đã sửa)", CooperatingAgencyCodes = ["000.00.60.H56"], SupplementRule = SupplementRule.Restart }, Json);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await OidcClient.ReadJsonAsync(updated);
        Assert.Equal("Thủ tục thử nghiệm (đã sửa)", body.GetProperty("name").GetString());
        Assert.Equal("000.00.60.H56", body.GetProperty("cooperatingAgencies")[0].GetProperty("code").GetString());
        Assert.Equal("Restart", body.GetProperty("supplementRule").GetString());
    }

    [Fact]
    public async Task Only_admins_write_the_catalogue()
    {
        using var specialist = await AsAsync("specialist");
        var id = (await SearchAsync(specialist, "q=2.000488")).GetProperty("items")[0].GetProperty("id").GetString();
        using var file = CsvUpload(Spreadsheets.WriteCsv(CatalogueFile.Columns, []));

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync("/api/catalogue/procedures", Valid("1.999002"), Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PutAsJsonAsync($"/api/catalogue/procedures/{id}", Valid("1.999002"), Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync(new Uri("/api/catalogue/import", UriKind.Relative), file)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync("/api/catalogue/fields", new { code = "X", name = "X" }, Json)).StatusCode);
        using var anonymous = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/catalogue/procedures", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_import_with_three_bad_rows_imports_nothing_and_lists_each_bad_row_with_its_reasons()
    {
        using var admin = await AsAsync("admin");
        var rows = new[]
        {
            Cells(Valid("1.999101")),
            Cells(Valid("1.999102") with { LeadAgencyCode = "000.00.98.H56" }),
            Cells(Valid("1.999103")),
            Cells(Valid("1.999104"), c => { c["durationValue"] = "mười"; c["documents"] = "Tờ khai (1/0/0) [docx; 2 MB]"; }),
            Cells(Valid("1.999101"), c => { c["documents"] = "Tờ khai không có số bản"; c["feeMode"] = "Sometimes"; }),
            Cells(Valid("1.999105") with { Name = "Thủ tục mới, lĩnh vực mới", FieldCode = "MOI" }, c => c["fieldName"] = "Lĩnh vực mới"),
        };
        var before = await CountAsync();

        var response = await admin.PostAsync(new Uri("/api/catalogue/import", UriKind.Relative), CsvUpload(Spreadsheets.WriteCsv(CatalogueFile.Columns, rows)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await OidcClient.ReadJsonAsync(response);
        Assert.Equal(6, report.GetProperty("rows").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 5, 6], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains(Reasons(errors[0]), r => r.StartsWith("leadAgencyCode:", StringComparison.Ordinal) && r.Contains("000.00.98.H56", StringComparison.Ordinal));
        Assert.Contains(Reasons(errors[1]), r => r.StartsWith("durationValue: 'mười'", StringComparison.Ordinal));
        Assert.Contains(Reasons(errors[1]), r => r.StartsWith("documents:", StringComparison.Ordinal) && r.Contains("'docx'", StringComparison.Ordinal));
        var sixth = Reasons(errors[2]);
        Assert.Contains(sixth, r => r.StartsWith("documents:", StringComparison.Ordinal));
        Assert.Contains(sixth, r => r.StartsWith("feeMode: 'Sometimes'", StringComparison.Ordinal));
        Assert.Contains(sixth, r => r.Contains("trùng với dòng 2", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.False(await db.CatalogueFields.AnyAsync(f => f.Code == "MOI"));
    }

    [Fact]
    public async Task A_good_csv_import_creates_procedures_and_a_new_field_and_the_export_gives_the_same_cells_back()
    {
        using var admin = await AsAsync("admin");
        var copies = Valid("1.999201") with
        {
            Name = "Chứng thực bản sao, có \"ngoặc kép\", dấu phẩy; chấm phẩy",
            FieldCode = "THU",
            Fees = [new FeeDto(FeeKind.Fee, "Chứng thực; theo trang", 2_000, FeeBasis.PerPage, 2, 1_000, 200_000, "Người có công; hộ nghèo")],
            FeeMode = FeeMode.CollectBefore,
            Documents = [new DocumentDto("Tờ khai (Mẫu số 01)", 1, 0, 0), new DocumentDto("Bản sao giấy tờ", 0, 2, 1, UploadTypes.Pdf, 500),
                new DocumentDto("Ảnh chân dung", 2, 0, 0, UploadTypes.Jpeg | UploadTypes.Png, 2048)],
            CooperatingAgencyCodes = ["000.00.60.H56", "000.00.61.H56"],
            Duration = new DurationDto(2.5m, DurationUnit.WorkingDays, 5, 10),
        };
        var rows = new[] { Cells(copies, c => c["fieldName"] = "Lĩnh vực thử nghiệm"), Cells(Valid("1.999202") with { FieldCode = "THU" }, c => c["fieldName"] = "Lĩnh vực thử nghiệm") };

        var response = await admin.PostAsync(new Uri("/api/catalogue/import", UriKind.Relative), CsvUpload(Spreadsheets.WriteCsv(CatalogueFile.Columns, rows)));

        var report = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("fieldsCreated").GetInt32());
        var exported = CatalogueFile.ToRows(Spreadsheets.ReadCsv(await admin.GetStringAsync(new Uri("/api/catalogue/export?format=csv", UriKind.Relative))), out var problem);
        Assert.Null(problem);
        foreach (var row in rows)
        {
            var cells = exported.Single(r => r.Cells["localCode"] == row["localCode"]).Cells;
            Assert.Equal(row.OrderBy(c => c.Key, StringComparer.Ordinal), cells.OrderBy(c => c.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_sheet_typed_in_Excel_with_numbers_and_dates_as_cell_values_imports()
    {
        using var admin = await AsAsync("admin");
        var cells = Cells(Valid("1.999301")).ToDictionary(c => c.Key, object (c) => c.Value);
        cells["numberOfSets"] = 2;
        cells["durationValue"] = 7.5;
        cells["effectiveFrom"] = new DateTime(2026, 1, 1);
        using var sheet = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(sheet, new[] { cells }, sheetName: "Danh mục", excelType: MiniExcelLibs.ExcelType.XLSX);

        using var upload = new MultipartFormDataContent { { new ByteArrayContent(sheet.ToArray()), "file", "nhap-tay.xlsx" } };
        var response = await admin.PostAsync(new Uri("/api/catalogue/import", UriKind.Relative), upload);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var found = (await SearchAsync(admin, "q=1.999301")).GetProperty("items")[0];
        Assert.Equal(7.5m, found.GetProperty("duration").GetProperty("value").GetDecimal());
        Assert.Equal("2026-01-01", found.GetProperty("effectiveFrom").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Exporting_and_importing_the_whole_catalogue_changes_nothing(string format)
    {
        using var admin = await AsAsync("admin");
        var csvBefore = await admin.GetByteArrayAsync(new Uri("/api/catalogue/export?format=csv", UriKind.Relative));
        var file = await admin.GetAsync(new Uri($"/api/catalogue/export?format={format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();

        using var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", $"danh-muc.{format}" } };
        var response = await admin.PostAsync(new Uri("/api/catalogue/import", UriKind.Relative), upload);

        var report = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(await CountAsync(), report.GetProperty("updated").GetInt32());
        Assert.True(report.GetProperty("updated").GetInt32() >= 40);
        Assert.Equal(csvBefore, await admin.GetByteArrayAsync(new Uri("/api/catalogue/export?format=csv", UriKind.Relative)));
    }

    [Fact]
    public async Task The_demo_catalogue_has_forty_procedures_across_agencies_with_inter_agency_ones()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var demo = CatalogueDemoData.Procedures.Select(p => p.LocalCode).ToList();
        var procedures = await db.CatalogueProcedures.Include(p => p.CooperatingAgencies).Where(p => demo.Contains(p.LocalCode)).ToListAsync();

        Assert.True(procedures.Count >= 40, $"{procedures.Count} demo procedures");
        Assert.True(procedures.Select(p => p.LeadAgencyId).Distinct().Count() >= 15);
        Assert.True(procedures.Count(p => p.CooperatingAgencies.Count > 0) >= 2);
        var birth = procedures.Single(p => p.NationalCode == "1.001193");
        Assert.Equal(2, birth.CooperatingAgencies.Count);
        var copies = procedures.Single(p => p.NationalCode == "2.000815").Fees.Single();
        Assert.Equal([2_000m, 7_000m, 200_000m], new[] { copies.AmountFor(1), copies.AmountFor(5), copies.AmountFor(300) });
        Assert.Equal(DurationUnit.WorkingDays, procedures.Single(p => p.NationalCode == "1.002273").Duration.Unit);
        Assert.Equal(10, procedures.Single(p => p.NationalCode == "1.002273").Duration.Value);
    }

    internal static ProcedureRequest Valid(string nationalCode) => new()
    {
        NationalCode = nationalCode,
        LocalCode = $"{nationalCode}.000.00.03.H56",
        Name = $"Thủ tục thử nghiệm {nationalCode}",
        FieldCode = "HT",
        LeadAgencyCode = "000.00.03.H56",
        CooperatingAgencyCodes = [],
        LegalBasis = "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP",
        Documents = [new DocumentDto("Tờ khai", 1, 0, 0)],
        NumberOfSets = 1,
        Duration = new DurationDto(5, DurationUnit.WorkingDays),
        Fees = [],
        FeeMode = FeeMode.Exempt,
        OnlineLevel = OnlineLevel.Partly,
        ResultType = "Giấy xác nhận",
        WorkflowKey = "tthc-mot-phong",
        SupplementRule = SupplementRule.Pause,
        EffectiveFrom = new DateOnly(2025, 7, 1),
    };

    private static Dictionary<string, string> Cells(ProcedureRequest request, Action<Dictionary<string, string>>? change = null)
    {
        var cells = CatalogueFile.ToCells(request, request.FieldCode == "HT" ? "Hộ tịch" : "");
        change?.Invoke(cells);
        return cells;
    }

    private static MultipartFormDataContent CsvUpload(byte[] csv) => new() { { new ByteArrayContent(csv), "file", "danh-muc.csv" } };

    private static List<string> Reasons(JsonElement error) => [.. error.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CatalogueProcedures.CountAsync();
    }

    private static async Task<JsonElement> SearchAsync(HttpClient http, string query)
    {
        var response = await http.GetAsync(new Uri($"/api/catalogue/procedures?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await OidcClient.ReadJsonAsync(response);
    }

    private async Task<HttpClient> AsAsync(string user) =>
        app.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(app, user)).AccessToken);
}
