using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Tests.Flows;

/// <summary>
/// The published demo flows of templates/flows, read from the repository at test time and run on the in-memory engine
/// (wall-clock calendar, so P0.5D is twelve hours here): the path each dossier takes and the national statuses the flow
/// journals (<c>status.changed</c>).
/// </summary>
public sealed class DemoFlowTests
{
    private const string DossierCode = "000.00.03.H56-261126-0001";

    public static TheoryData<string> Files => new(FileNames);

    private static string[] FileNames => [.. Directory.EnumerateFiles(FlowsFolder, "*.bpmn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string FlowsFolder => Path.Combine(TestPaths.RepositoryRoot, "templates", "flows");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_flow_validates_without_problems_and_gives_each_user_task_a_department_and_a_role(string file)
    {
        var (model, problems) = new WorkflowEngine(new Persistence.InMemoryWorkflowStore()).Validate(File.ReadAllText(Path.Combine(FlowsFolder, file)));

        Assert.Empty(problems);
        var process = Assert.Single(model!.Processes);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), process.Id);
        Assert.All(process.Scope.Nodes.Where(n => n.Kind == Model.ElementKind.UserTask), task =>
        {
            // A literal unit, or the lead agency's unit from the procedure with a literal fallback.
            Assert.Matches(@"^(000\.00\.\d\d\.H56/[A-Z0-9]+|\$\{(processingUnit|leaderUnit) \?\? '000\.00\.\d\d\.H56/[A-Z0-9]+'\})$", task.Os.Department);
            Assert.Contains(task.Os.Role, new[] { "Reception", "Specialist", "DepartmentHead", "AgencyLeader" });
        });
    }

    [Fact]
    public void The_three_catalogue_keys_and_the_called_process_are_there()
    {
        Assert.Equal(["tthc-lien-thong.bpmn", "tthc-mot-phong.bpmn", "tthc-phoi-hop.bpmn", "tthc-tai-cho.bpmn"], FileNames);
    }

    [Fact]
    public async Task On_the_spot_the_reception_officer_resolves_and_returns_at_the_counter()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-tai-cho");

        var task = Assert.Single(await t.Engine.ListUserTasksAsync());
        Assert.Equal(("000.00.30.H56/TNTKQ", "Reception"), (task.Department, task.Role));
        Assert.Equal(TestEngine.Origin.AddHours(4), task.DueAt);
        await t.CompleteTaskAsync("Task_GiaiQuyet", "Giải quyết xong");
        await t.CompleteTaskAsync("Task_TraKetQua");

        Assert.Equal(["Start_TiepNhan", "Task_GiaiQuyet", "Gateway_KetQua", "Task_TraKetQua", "End_DaTra"], await PathAsync(t, instance.Id));
        Assert.Equal(["2", "9", "10"], await StatusesAsync(t, instance.Id));
        Assert.Equal(["TT03-2025/01", "handover"], await NoticesAsync(t, instance.Id));
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task On_the_spot_a_refusal_stops_the_dossier()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-tai-cho");

        await t.CompleteTaskAsync("Task_GiaiQuyet", "Từ chối");

        Assert.Equal(["Start_TiepNhan", "Task_GiaiQuyet", "Gateway_KetQua", "End_TuChoi"], await PathAsync(t, instance.Id));
        Assert.Equal(["2", "8"], await StatusesAsync(t, instance.Id));
        Assert.Equal(["TT03-2025/01", "TT03-2025/03"], await NoticesAsync(t, instance.Id));
    }

    [Fact]
    public async Task One_department_happy_path_forwards_approves_signs_and_returns()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-mot-phong");

        Assert.Equal(("000.00.30.H56/TNTKQ", "Reception"), await OpenTaskAsync(t, "Task_TiepNhan"));
        await t.CompleteTaskAsync("Task_TiepNhan");
        Assert.Equal(("000.00.03.H56/HCTP", "Specialist"), await OpenTaskAsync(t, "Task_ThamDinh"));
        await t.CompleteTaskAsync("Task_ThamDinh", "Chuyển tiếp");
        Assert.Equal(("000.00.03.H56/HCTP", "DepartmentHead"), await OpenTaskAsync(t, "Task_TruongPhong"));
        await t.CompleteTaskAsync("Task_TruongPhong", "Duyệt");
        Assert.Equal(("000.00.03.H56/BGD", "AgencyLeader"), await OpenTaskAsync(t, "Task_LanhDaoKy"));
        await t.CompleteTaskAsync("Task_LanhDaoKy");
        await t.CompleteTaskAsync("Task_TraKetQua");

        Assert.Equal(["Start_NopHoSo", "Task_TiepNhan", "Task_ThamDinh", "Gateway_ThamDinh", "Task_TruongPhong", "Gateway_TruongPhong",
            "Task_LanhDaoKy", "Task_TraKetQua", "End_DaTra"], await PathAsync(t, instance.Id));
        Assert.Equal(["2", "4", "9", "10"], await StatusesAsync(t, instance.Id));
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Assert.Empty((await t.State(instance.Id)).Timers);
    }

    [Fact]
    public async Task A_supplement_round_waits_for_bo_sung_with_the_dossier_code_and_goes_back_to_the_specialist()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-mot-phong");
        await t.CompleteTaskAsync("Task_TiepNhan");
        await t.CompleteTaskAsync("Task_ThamDinh", "Yêu cầu bổ sung");

        Assert.False((await t.Engine.CorrelateMessageAsync("bo-sung", "000.00.03.H56-261126-0002")).Correlated);
        var supplied = await t.Engine.CorrelateMessageAsync("bo-sung", DossierCode, new Dictionary<string, JsonNode?> { ["boSung"] = "Bản sao CCCD" });

        Assert.Equal(instance.Id, supplied.InstanceId);
        await t.CompleteTaskAsync("Task_ThamDinh", "Chuyển tiếp");
        await t.CompleteTaskAsync("Task_TruongPhong", "Duyệt");
        await t.CompleteTaskAsync("Task_LanhDaoKy");
        await t.CompleteTaskAsync("Task_TraKetQua");
        Assert.Equal(["Start_NopHoSo", "Task_TiepNhan", "Task_ThamDinh", "Gateway_ThamDinh", "Task_ChoBoSung", "Task_ThamDinh", "Gateway_ThamDinh",
            "Task_TruongPhong", "Gateway_TruongPhong", "Task_LanhDaoKy", "Task_TraKetQua", "End_DaTra"], await PathAsync(t, instance.Id));
        Assert.Equal(["2", "4", "5", "4", "9", "10"], await StatusesAsync(t, instance.Id));
        Assert.Contains("TT03-2025/02", await NoticesAsync(t, instance.Id));
        Assert.Equal("Bản sao CCCD", (string?)(await t.State(instance.Id)).Variables["boSung"]);
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task A_missed_supplement_deadline_stops_the_dossier()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-mot-phong");
        await t.CompleteTaskAsync("Task_TiepNhan");
        await t.CompleteTaskAsync("Task_ThamDinh", "Yêu cầu bổ sung");

        await t.AdvanceAsync(TimeSpan.FromDays(15));

        Assert.Equal(["Start_NopHoSo", "Task_TiepNhan", "Task_ThamDinh", "Gateway_ThamDinh", "Task_ChoBoSung", "Timer_HetHanBoSung", "End_DungXuLy"],
            await PathAsync(t, instance.Id));
        Assert.Equal(["2", "4", "5", "8"], await StatusesAsync(t, instance.Id));
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Assert.False((await t.Engine.CorrelateMessageAsync("bo-sung", DossierCode)).Correlated);
    }

    [Fact]
    public async Task The_head_returns_the_dossier_to_the_specialist_who_forwards_it_again()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-mot-phong");
        await t.CompleteTaskAsync("Task_TiepNhan");
        await t.CompleteTaskAsync("Task_ThamDinh", "Chuyển tiếp");

        await t.CompleteTaskAsync("Task_TruongPhong", "Trả lại");
        Assert.Equal(("000.00.03.H56/HCTP", "Specialist"), await OpenTaskAsync(t, "Task_ThamDinh"));
        await t.CompleteTaskAsync("Task_ThamDinh", "Chuyển tiếp");
        await t.CompleteTaskAsync("Task_TruongPhong", "Duyệt");
        await t.CompleteTaskAsync("Task_LanhDaoKy");
        await t.CompleteTaskAsync("Task_TraKetQua");

        Assert.Equal(["Start_NopHoSo", "Task_TiepNhan", "Task_ThamDinh", "Gateway_ThamDinh", "Task_TruongPhong", "Gateway_TruongPhong",
            "Task_ThamDinh", "Gateway_ThamDinh", "Task_TruongPhong", "Gateway_TruongPhong", "Task_LanhDaoKy", "Task_TraKetQua", "End_DaTra"],
            await PathAsync(t, instance.Id));
        Assert.Equal(["2", "4", "4", "9", "10"], await StatusesAsync(t, instance.Id));
        Assert.Equal(["Chuyển tiếp", "Trả lại", "Chuyển tiếp", "Duyệt"], await OutcomesAsync(t, instance.Id));
    }

    [Fact]
    public async Task A_step_past_its_deadline_escalates_without_interrupting_it()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-mot-phong");
        await t.CompleteTaskAsync("Task_TiepNhan");

        await t.AdvanceAsync(TimeSpan.FromDays(2));

        var journal = await t.Journal(instance.Id);
        Assert.Contains("timer.fired Timer_ThamDinh_QuaHan", journal);
        Assert.Contains("escalation.thrown End_ThamDinh_QuaHan", journal);
        Assert.Equal(("000.00.03.H56/HCTP", "Specialist"), await OpenTaskAsync(t, "Task_ThamDinh"));
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task Inter_agency_the_police_part_runs_as_a_called_process_beside_the_draft_and_both_join_before_signing()
    {
        var t = await DeployAllAsync();
        var instance = await StartAsync(t, "tthc-lien-thong");
        await t.CompleteTaskAsync("Task_TiepNhan");
        await t.CompleteTaskAsync("Task_ThamDinh");
        await t.CompleteTaskAsync("Task_TruongPhong", "Duyệt");

        var open = await t.Engine.ListUserTasksAsync();
        Assert.Equal(["Task_DuThao", "Task_XacMinh"], open.Select(x => x.ElementId).Order(StringComparer.Ordinal));
        var police = open.Single(x => x.ElementId == "Task_XacMinh");
        Assert.NotEqual(instance.Id, police.InstanceId);
        Assert.Equal(("000.00.60.H56/PC06", "Specialist"), (police.Department, police.Role));
        var child = await t.State(police.InstanceId);
        Assert.Equal(("tthc-phoi-hop", instance.Id), (child.DefinitionKey, child.ParentInstanceId));
        Assert.Equal(DossierCode, (string?)child.Variables["dossierCode"]);

        await t.CompleteTaskAsync("Task_XacMinh", variables: new() { ["ketQuaXacMinh"] = "Không có án tích" });
        await t.CompleteTaskAsync("Task_PheDuyet");
        Assert.Equal(InstanceStatus.Completed, (await t.State(child.Id)).Status);
        Assert.DoesNotContain(await t.Engine.ListUserTasksAsync(), x => x.ElementId == "Task_LanhDaoKy");
        await t.CompleteTaskAsync("Task_DuThao");
        Assert.Equal(("000.00.03.H56/BGD", "AgencyLeader"), await OpenTaskAsync(t, "Task_LanhDaoKy"));
        await t.CompleteTaskAsync("Task_LanhDaoKy");
        await t.CompleteTaskAsync("Task_TraKetQua");

        Assert.Equal(["Start_NopHoSo", "Task_TiepNhan", "Task_ThamDinh", "Task_TruongPhong", "Gateway_TruongPhong", "Gateway_Tach",
            "Call_PhoiHop", "Task_DuThao", "Gateway_Gop", "Task_LanhDaoKy", "Task_TraKetQua", "End_DaTra"], await PathAsync(t, instance.Id));
        Assert.Equal(["Start_NhanLienThong", "Task_XacMinh", "Task_PheDuyet", "End_GuiKetQua"], await PathAsync(t, child.Id));
        Assert.Equal(["2", "4", "9", "10"], await StatusesAsync(t, instance.Id));
        var done = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("Không có án tích", (string?)done.Variables["ketQuaXacMinh"]);
    }

    private static async Task<TestEngine> DeployAllAsync()
    {
        var t = new TestEngine();
        foreach (var file in Directory.EnumerateFiles(FlowsFolder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var result = await t.Engine.DeployAsync(await File.ReadAllTextAsync(file), new DeployOptions { Publish = true });
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            Assert.Empty(result.Problems);
        }
        return t;
    }

    private static Task<InstanceState> StartAsync(TestEngine t, string key) => t.Engine.StartAsync(new StartInstanceRequest
    {
        Key = key,
        BusinessKey = DossierCode,
        Variables = new Dictionary<string, JsonNode?> { ["dossierCode"] = DossierCode },
    });

    private static async Task<(string?, string?)> OpenTaskAsync(TestEngine t, string elementId)
    {
        var task = Assert.Single(await t.Engine.ListUserTasksAsync(), x => x.ElementId == elementId);
        return (task.Department, task.Role);
    }

    // The elements the dossier went through, in order (the process element itself left out).
    private static async Task<string[]> PathAsync(TestEngine t, string instanceId) =>
        [.. (await t.Engine.GetJournalAsync(instanceId)).Where(e => e.Event == JournalEvents.ElementEntered && e.ElementType != "process").Select(e => e.ElementId!)];

    private static async Task<string[]> StatusesAsync(TestEngine t, string instanceId) => await DataAsync(t, instanceId, JournalEvents.StatusChanged, "status");

    private static async Task<string[]> NoticesAsync(TestEngine t, string instanceId) => await DataAsync(t, instanceId, JournalEvents.NoticeRequested, "notice");

    private static async Task<string[]> OutcomesAsync(TestEngine t, string instanceId) => await DataAsync(t, instanceId, JournalEvents.TaskCompleted, "outcome");

    private static async Task<string[]> DataAsync(TestEngine t, string instanceId, string journalEvent, string field) =>
        [.. (await t.Engine.GetJournalAsync(instanceId)).Where(e => e.Event == journalEvent && e.Data?[field] is not null).Select(e => (string)e.Data![field]!)];
}
