using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Portal;

/// <summary>The public catalogue at /thu-tuc, without signing in, on the demo catalogue.</summary>
public sealed class PortalCatalogueTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string CriminalRecord = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam";
    private const string CopyCertification = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận";

    [Fact]
    public async Task Search_without_diacritics_finds_the_procedure_with_its_summary()
    {
        using var http = app.CreateHttpClient();

        var html = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/thu-tuc?q=ly+lich+tu+phap", UriKind.Relative)));

        Assert.Contains(CriminalRecord, html, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 1 thủ tục.", html, StringComparison.Ordinal);
        Assert.Contains("2.000488.000.00.03.H56", html, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp", html, StringComparison.Ordinal);
        Assert.Contains("10 ngày làm việc", html, StringComparison.Ordinal);
        Assert.Contains("Toàn trình", html, StringComparison.Ordinal);
        Assert.Contains("200.000 đ/hồ sơ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CopyCertification, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_code_and_filters_by_field_and_agency()
    {
        using var http = app.CreateHttpClient();

        var byCode = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/thu-tuc?q=2.000815", UriKind.Relative)));
        var byField = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/thu-tuc?field=LLTP", UriKind.Relative)));
        var otherAgency = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/thu-tuc?q=ly+lich+tu+phap&agency=000.00.60.H56", UriKind.Relative)));

        Assert.Contains(CopyCertification, byCode, StringComparison.Ordinal);
        Assert.Contains(CriminalRecord, byField, StringComparison.Ordinal);
        Assert.DoesNotContain(CopyCertification, byField, StringComparison.Ordinal);
        Assert.Contains("Tìm thấy 0 thủ tục.", otherAgency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_procedures_in_force_are_listed()
    {
        Guid expired;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var model = await db.CatalogueProcedures.AsNoTracking().FirstAsync();
            var procedure = new Procedure
            {
                NationalCode = "9.999991",
                LocalCode = "9.999991.000.00.03.H56",
                Name = "Thủ tục đã hết hiệu lực thử nghiệm",
                FieldId = model.FieldId,
                LeadAgencyId = model.LeadAgencyId,
                Duration = new ProcedureDuration { Value = 5, Unit = DurationUnit.WorkingDays },
                EffectiveFrom = new DateOnly(2020, 1, 1),
                EffectiveTo = new DateOnly(2021, 1, 1),
            };
            procedure.RefreshSearchText();
            db.CatalogueProcedures.Add(procedure);
            await db.SaveChangesAsync();
            expired = procedure.Id;
        }

        using var http = app.CreateHttpClient();
        var list = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/thu-tuc?q=het+hieu+luc+thu+nghiem", UriKind.Relative)));
        var detail = await http.GetAsync(new Uri($"/thu-tuc/{expired}", UriKind.Relative));

        Assert.Contains("Tìm thấy 0 thủ tục.", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
    }

    [Fact]
    public async Task Detail_of_an_offline_procedure_shows_the_per_page_fee_in_words_and_no_online_button()
    {
        using var http = app.CreateHttpClient();
        var id = await IdOfAsync("2.000815");

        var html = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri($"/thu-tuc/{id}", UriKind.Relative)));

        Assert.Contains(CopyCertification, html, StringComparison.Ordinal);
        Assert.Contains("2.000 đ/trang cho 2 trang đầu, 1.000 đ/trang từ trang thứ 3, tối đa 200.000 đ", html, StringComparison.Ordinal);
        Assert.Contains("Trong ngày", html, StringComparison.Ordinal);
        Assert.Contains("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", html, StringComparison.Ordinal);
        Assert.Contains("1 bản chụp", html, StringComparison.Ordinal);
        Assert.Contains("Nghị định số 23/2015/NĐ-CP", html, StringComparison.Ordinal);
        Assert.Contains("Bản sao được chứng thực", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/nop-ho-so", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nộp trực tuyến", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_of_an_online_procedure_links_to_online_submission()
    {
        using var http = app.CreateHttpClient();
        var id = await IdOfAsync("2.000488");

        var html = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri($"/thu-tuc/{id}", UriKind.Relative)));

        Assert.Contains($"href=\"/nop-ho-so?procedure={id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Nộp trực tuyến", html, StringComparison.Ordinal);
        Assert.Contains("Toàn trình", html, StringComparison.Ordinal);
        Assert.Contains("miễn phí 2 bản đầu, 5.000 đ/bản từ bản thứ 3", html, StringComparison.Ordinal);
        Assert.Contains("Phiếu lý lịch tư pháp", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_is_in_English_on_request()
    {
        using var http = app.CreateHttpClient();
        var id = await IdOfAsync("2.000815");

        var html = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri($"/thu-tuc/{id}?culture=en", UriKind.Relative)));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("2,000 VND per page for the first 2, 1,000 VND per page from page 3 on, at most 200,000 VND", html, StringComparison.Ordinal);
    }

    private async Task<Guid> IdOfAsync(string nationalCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.CatalogueProcedures.Where(p => p.NationalCode == nationalCode).Select(p => p.Id).SingleAsync();
    }
}
