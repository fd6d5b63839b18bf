using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

public sealed class ReceptionApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Receiving_gives_a_code_status_2_a_receipt_and_the_first_step_of_the_flow()
    {
        using var reception = await AsAsync(app, "reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);

        var created = await ReceiveAsync(reception, Request(procedure));

        var code = created.GetProperty("code").GetString()!;
        Assert.Matches(@"^000\.00\.03\.H56-\d{6}-\d{4}$", code);
        var details = await GetAsync(reception, code);
        var dossier = details.GetProperty("dossier");
        Assert.Equal(2, dossier.GetProperty("status").GetInt32());
        Assert.Equal("Được tiếp nhận", dossier.GetProperty("statusName").GetString());
        Assert.Equal(4, dossier.GetProperty("documents").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(dossier.GetProperty("workflowInstanceId").GetString()));
        var step = Assert.Single(details.GetProperty("openSteps").EnumerateArray());
        Assert.Equal("Task_TiepNhan", step.GetProperty("elementId").GetString());
        var actions = details.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal([DossierActions.Received, DossierActions.NoticeIssued, DossierActions.WorkflowStarted, DossierActions.StepAssigned], actions.Take(4));
        Assert.Equal("TT03-2025/01", Assert.Single(details.GetProperty("notices").EnumerateArray()).GetProperty("templateCode").GetString());
    }

    [Fact]
    public async Task Invalid_reception_names_each_field_and_saves_nothing()
    {
        using var reception = await AsAsync(app, "reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        var bad = Request(procedure) with
        {
            Applicant = new PartyDto(ApplicantKind.Citizen, " ", "12", "09x", "no-at-sign"),
            NumberOfSets = 0,
            Documents = [new DocumentLine("Tờ khai")],
        };

        var response = await reception.PostAsJsonAsync("/api/dossiers", bad, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await OidcClient.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(["applicant.email", "applicant.idNumber", "applicant.name", "applicant.phone", "documents[0]", "numberOfSets"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_specialist_cannot_receive_and_an_officer_of_an_uninvolved_agency_gets_404()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var builder = await AsAsync(app, "builder");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        var code = (await ReceiveAsync(reception, Request(procedure))).GetProperty("code").GetString();

        var receiving = await specialist.PostAsJsonAsync("/api/dossiers", Request(procedure), Json);
        var foreign = await builder.GetAsync(new Uri($"/api/dossiers/{code}", UriKind.Relative));
        var own = await specialist.GetAsync(new Uri($"/api/dossiers/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, receiving.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_procedure_of_another_agency_goes_to_its_own_processing_department_not_the_flows_default()
    {
        using var reception = await AsAsync(app, "reception");
        using var builder = await AsAsync(app, "builder");
        using var specialist = await AsAsync(app, "specialist");
        // Cấp điều chỉnh giấy phép xây dựng: Sở Xây dựng, processed by Phòng Quản lý hoạt động xây dựng, flow tthc-mot-phong.
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, "1.009977.000.00.07.H56")))).GetProperty("code").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var forward = Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { BusinessKey = code }));
            await engine.CompleteUserTaskAsync(forward.Id, new CompleteUserTaskRequest { User = "reception" });
        }

        var step = Assert.Single((await GetAsync(builder, code)).GetProperty("openSteps").EnumerateArray());

        Assert.Equal("Task_ThamDinh", step.GetProperty("elementId").GetString());
        Assert.Equal("000.00.07.H56/QLHDXD", step.GetProperty("department").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync(new Uri($"/api/dossiers/{code}", UriKind.Relative))).StatusCode);
    }
}
