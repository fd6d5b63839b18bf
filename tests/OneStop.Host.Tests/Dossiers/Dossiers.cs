using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>Helpers shared by the dossier tests: signed-in clients, a reception request, reading dossiers over HTTP.</summary>
internal static class Dossiers
{
    /// <summary>Liên thông khai sinh – thường trú – thẻ BHYT (Sở Tư pháp leads; Police and Social Insurance cooperate), flow tthc-lien-thong.</summary>
    public const string InterAgencyProcedure = "1.001193.000.00.03.H56";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<HttpClient> AsAsync(OneStopApp app, string user) =>
        app.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(app, user)).AccessToken);

    public static async Task<Guid> ProcedureIdAsync(OneStopApp app, string localCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.CatalogueProcedures.Where(p => p.LocalCode == localCode).Select(p => p.Id).SingleAsync();
    }

    public static ReceiveDossierRequest Request(Guid procedureId) => new()
    {
        ProcedureId = procedureId,
        Applicant = new PartyDto(ApplicantKind.Citizen, "Nguyễn Thị Hoa", "001190012345", "0912345678", "hoa@example.test", "12 Trần Phú, phường Hải Châu"),
        Request = "Đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho con",
        ResultDelivery = ResultDelivery.Counter,
    };

    public static async Task<JsonElement> ReceiveAsync(HttpClient reception, ReceiveDossierRequest request)
    {
        var response = await reception.PostAsJsonAsync("/api/dossiers", request, Json);
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string code)
    {
        var response = await client.GetAsync(new Uri($"/api/dossiers/{code}", UriKind.Relative));
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
