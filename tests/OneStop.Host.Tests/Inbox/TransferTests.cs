using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Inbox;

public sealed class TransferTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: Sở Tư pháp, Phòng Hành chính tư pháp, flow tthc-mot-phong.</summary>
    private const string JudicialRecord = "2.000488.000.00.03.H56";

    [Fact]
    public async Task The_head_transfers_a_step_to_another_department_with_a_reason_and_it_leaves_his_departments_inbox()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, JudicialRecord)))).GetProperty("code").GetString()!;
        await CompleteAsync(reception, await TaskIdAsync(reception, code, "Task_TiepNhan"));
        var review = await TaskIdAsync(head, code, "Task_ThamDinh");

        var bySpecialist = await specialist.PostAsJsonAsync($"/api/inbox/{review}/transfer", new { department = "000.00.03.H56/BTTP", comment = "x" }, Json);
        var withoutReason = await head.PostAsJsonAsync($"/api/inbox/{review}/transfer", new { department = "000.00.03.H56/BTTP" }, Json);
        var toAnotherAgency = await head.PostAsJsonAsync($"/api/inbox/{review}/transfer", new { department = "000.00.07.H56/QLHDXD", comment = "x" }, Json);
        var transferred = await head.PostAsJsonAsync($"/api/inbox/{review}/transfer",
            new { department = "000.00.03.H56/BTTP", comment = "Thuộc lĩnh vực bổ trợ tư pháp" }, Json);

        Assert.Equal(HttpStatusCode.Forbidden, bySpecialist.StatusCode);
        Assert.Equal(["comment"], (await OidcClient.ReadJsonAsync(withoutReason)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["department"], (await OidcClient.ReadJsonAsync(toAnotherAgency)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.DoesNotContain(await InboxAsync(specialist), t => t.GetProperty("dossierCode").GetString() == code);
        var details = await GetAsync(reception, code);
        Assert.Equal("000.00.03.H56/BTTP", Assert.Single(details.GetProperty("openSteps").EnumerateArray()).GetProperty("department").GetString());
        var entry = details.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("action").GetString() == DossierActions.StepTransferred);
        Assert.Equal(("head", "000.00.03.H56/BTTP", "Thuộc lĩnh vực bổ trợ tư pháp"),
            (entry.GetProperty("actor").GetString(), entry.GetProperty("unit").GetString(), entry.GetProperty("comment").GetString()));
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient officer) =>
        [.. (await OidcClient.ReadJsonAsync(await officer.GetAsync(new Uri("/api/inbox?scope=department", UriKind.Relative)))).GetProperty("items").EnumerateArray()];

    private static async Task<string> TaskIdAsync(HttpClient officer, string code, string elementId) =>
        (await InboxAsync(officer)).Single(t => t.GetProperty("dossierCode").GetString() == code && t.GetProperty("elementId").GetString() == elementId)
            .GetProperty("taskId").GetString()!;

    private static async Task CompleteAsync(HttpClient officer, string taskId)
    {
        var response = await officer.PostAsJsonAsync($"/api/inbox/{taskId}/complete", new { comment = (string?)null }, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
