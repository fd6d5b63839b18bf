using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;
using static OneStop.Browser.Tests.Designer.DesignerSession;

namespace OneStop.Browser.Tests.Designer;

public sealed partial class DesignerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Designer_draws_a_task_sets_department_and_deadline_saves_validates_and_publishes_version_1()
    {
        var page = await SignInAsync(browser);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quy trình xử lý hồ sơ" })).ToBeVisibleAsync();
        await CreateFlowAsync(page, "cap_ban_sao", "Cấp bản sao trích lục hộ tịch");

        // Start event → append a task → change it into a user task → append an end event.
        await Element(page, "StartEvent_1").ClickAsync();
        await ContextPad(page, "append.append-task").ClickAsync();
        await ContextPad(page, "replace").ClickAsync();
        await page.Locator(".djs-popup [data-id='replace-with-user-task']").ClickAsync();
        await page.Locator("#bio-properties-panel-os-department").SelectOptionAsync(Diagrams.JusticeAdministration);
        await page.Locator("#bio-properties-panel-os-deadline").FillAsync("2");
        await page.Locator("#bio-properties-panel-os-deadline-unit").SelectOptionAsync("working-days");
        // The panel applies typed text after its input debounce (300 ms).
        await page.WaitForTimeoutAsync(700);
        await ContextPad(page, "append.end-event").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp (lần lưu 2)");
        var draft = JsonDocument.Parse(await FetchTextAsync(page, "/api/process-definitions/cap_ban_sao/draft")).RootElement.GetProperty("xml").GetString()!;
        XNamespace os = "http://onestop.gov.vn/schema/bpmn/os";
        var task = Assert.Single(XDocument.Parse(draft).Descendants(XName.Get("userTask", "http://www.omg.org/spec/BPMN/20100524/MODEL")));
        Assert.Equal(Diagrams.JusticeAdministration, (string?)task.Attribute(os + "department"));
        Assert.Equal("P2D", (string?)task.Attribute(os + "deadline"));
        Assert.Equal("working", (string?)task.Attribute(os + "calendar"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();
        await Assertions.Expect(page.Locator("#problems-summary")).ToHaveTextAsync("Không có vấn đề nào.");
        await Assertions.Expect(page.Locator("#problems li")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Ban hành quy trình?");
        await page.Locator("#publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ban hành phiên bản 1.");
        await BrowserFixture.ScreenshotAsync(page, "designer-editor-published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử phiên bản" }).ClickAsync();
        var row = page.Locator("#versions tbody tr[data-version='1']");
        await Assertions.Expect(row).ToContainTextAsync("Đã ban hành");
        await Assertions.Expect(row).ToContainTextAsync("designer");
        await Assertions.Expect(Element(page, "StartEvent_1")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "designer-versions");

        await page.GotoAsync("/designer");
        var listed = page.Locator("#flows tbody tr[data-key='cap_ban_sao']");
        await Assertions.Expect(listed).ToContainTextAsync("Phiên bản 1");
        await Assertions.Expect(listed).ToContainTextAsync("Đã ban hành");
        await BrowserFixture.ScreenshotAsync(page, "designer-list");
    }

    [Fact]
    public async Task Removing_an_outgoing_flow_marks_the_gateway_and_the_problem_selects_it()
    {
        var page = await SignInAsync(browser);
        await CreateFlowAsync(page, "break_me", "Quy trình sẽ bị làm hỏng", starter: true);

        // A straight flow's box has no height, which Playwright calls invisible; its 15 px hit area takes the click.
        await Element(page, "Flow_Forward").ClickAsync(new() { Force = true });
        await ContextPad(page, "delete").ClickAsync();
        await Assertions.Expect(Element(page, "Flow_Forward")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();

        var gateway = Element(page, "Gateway_Head");
        await Assertions.Expect(gateway).ToHaveClassAsync(ProblemMarker());
        var problem = page.Locator("#problems button[data-element-id='Gateway_Head']");
        await Assertions.Expect(problem).ToContainTextAsync("OS2004");
        await problem.ClickAsync();
        await Assertions.Expect(gateway).ToHaveClassAsync(new Regex(@"\bselected\b"));
        await BrowserFixture.ScreenshotAsync(page, "designer-broken-flow");
    }

    [Fact]
    public async Task A_Camunda_Modeler_file_imports_renders_and_exports_with_its_extensions()
    {
        var file = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "bpmn", "miwg", "C.9.1.bpmn"));
        var page = await SignInAsync(browser);
        await CreateFlowAsync(page, "requestDocument_en", "Document Request");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Nhập .bpmn" }).ClickAsync());
        await chooser.SetFilesAsync(file);

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập C.9.1.bpmn");
        await Assertions.Expect(Element(page, "SendTask_RequestDocument")).ToBeVisibleAsync();
        var exported = await FetchTextAsync(page, "/api/process-definitions/requestDocument_en/export");
        Assert.Contains("<zeebe:subscription correlationKey=\"= documentReferenceId\" />", exported, StringComparison.Ordinal);
        Assert.Contains("camunda:topic=\"emailService\"", exported, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "designer-import-c91");
    }

    [Fact]
    public async Task Saving_over_a_newer_draft_is_refused_with_who_saved_it_and_when()
    {
        var first = await SignInAsync(browser);
        await CreateFlowAsync(first, "two_editors", "Hai người cùng sửa", starter: true);

        var second = await SignInAsync(browser, "admin", "/designer/edit/two_editors");
        await WaitReadyAsync(second);
        await second.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp (lần lưu 2)");

        await first.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        var alert = first.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Bản nháp đã được người khác lưu");
        await Assertions.Expect(alert).ToContainTextAsync("admin đã lưu bản nháp lúc");
        await Assertions.Expect(alert).ToContainTextAsync("Thay đổi của bạn chưa được lưu");
        await BrowserFixture.ScreenshotAsync(first, "designer-stale-draft");
    }

    [Fact]
    public async Task Instance_viewer_highlights_the_active_task_the_completed_path_and_the_open_task()
    {
        var engine = browser.App.Services.GetRequiredService<WorkflowEngine>();
        var deployed = await engine.DeployAsync(Diagrams.Linear("viewer_flow", 3), new DeployOptions { Publish = true, User = "test" });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "viewer_flow", BusinessKey = "000.00.03.H56-261126-0001" });
        var tasks = await engine.ListUserTasksAsync(new() { InstanceId = instance.Id });
        await engine.CompleteUserTaskAsync(tasks[0].Id);

        var page = await SignInAsync(browser, path: $"/designer/instances/{instance.Id}");
        await WaitReadyAsync(page);

        await Assertions.Expect(Element(page, "Task_2")).ToHaveClassAsync(new Regex(@"\bos-active\b"));
        await Assertions.Expect(Element(page, "Task_1")).ToHaveClassAsync(new Regex(@"\bos-completed\b"));
        await Assertions.Expect(Element(page, "Flow_2")).ToHaveClassAsync(new Regex(@"\bos-completed\b"));
        await Assertions.Expect(Element(page, "Task_3")).Not.ToHaveClassAsync(new Regex(@"\bos-(active|completed)\b"));
        await Assertions.Expect(page.Locator("#tasks li[data-element-id='Task_2']")).ToContainTextAsync("Phòng Hành chính tư pháp — STP");
        await Assertions.Expect(page.Locator("#instance-summary")).ToContainTextAsync("000.00.03.H56-261126-0001");
        await Assertions.Expect(page.Locator("#journal")).ToContainTextAsync("task.completed");
        await BrowserFixture.ScreenshotAsync(page, "designer-instance-viewer");
    }

    [Fact]
    public async Task Instance_viewer_shows_an_incident_and_its_retry_button_moves_the_instance_on()
    {
        var engine = browser.App.Services.GetRequiredService<WorkflowEngine>();
        // The receiving agency's system is down the first time, up the second.
        var calls = 0;
        engine.Handlers.Register("test-interagency-send", (_, _) => ++calls == 1
            ? throw new HttpRequestException("Hệ thống của cơ quan nhận không phản hồi.")
            : ValueTask.FromResult(ServiceTaskResult.Done));
        var deployed = await engine.DeployAsync(Diagrams.WithServiceTask("retry_flow", "test-interagency-send"), new DeployOptions { Publish = true });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "retry_flow" });

        var page = await SignInAsync(browser, path: $"/designer/instances/{instance.Id}");
        await WaitReadyAsync(page);
        await Assertions.Expect(Element(page, "Task_Send")).ToHaveClassAsync(new Regex(@"\bos-incident\b"));
        await Assertions.Expect(page.Locator("#incidents")).ToContainTextAsync("Hệ thống của cơ quan nhận không phản hồi.");
        await BrowserFixture.ScreenshotAsync(page, "designer-instance-incident");

        await page.GetByRole(AriaRole.Button, new() { Name = "Thử lại bước lỗi tại Task_Send" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thử lại bước lỗi.");
        await Assertions.Expect(page.Locator("#incidents-empty")).ToBeVisibleAsync();
        await Assertions.Expect(Element(page, "Task_Check")).ToHaveClassAsync(new Regex(@"\bos-active\b"));
        await Assertions.Expect(Element(page, "Task_Send")).ToHaveClassAsync(new Regex(@"\bos-completed\b"));
        await BrowserFixture.ScreenshotAsync(page, "designer-instance-retried");
    }

    [Fact]
    public async Task Version_history_shows_who_published_and_opens_an_older_version_read_only()
    {
        var engine = browser.App.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(Diagrams.Linear("two_versions", 3), new DeployOptions { Publish = true, User = "designer" });
        await engine.DeployAsync(Diagrams.Linear("two_versions", 4), new DeployOptions { Publish = true, User = "admin" });

        var page = await SignInAsync(browser, path: "/designer/versions/two_versions");
        var latest = page.Locator("#versions tbody tr[data-version='2']");
        var older = page.Locator("#versions tbody tr[data-version='1']");
        await Assertions.Expect(latest).ToContainTextAsync("Đã ban hành");
        await Assertions.Expect(latest).ToContainTextAsync("admin");
        await Assertions.Expect(older).ToContainTextAsync("Đã thay thế");
        await Assertions.Expect(older).ToContainTextAsync("designer");
        await Assertions.Expect(Element(page, "Task_4")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Xem phiên bản 1" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phiên bản 1 (Đã thay thế) — chỉ đọc" })).ToBeVisibleAsync();
        await Assertions.Expect(Element(page, "Task_3")).ToBeVisibleAsync();
        await Assertions.Expect(Element(page, "Task_4")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".djs-palette")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "designer-versions-older");
    }

    [Fact]
    public async Task List_page_and_editor_have_no_serious_accessibility_violation()
    {
        var page = await SignInAsync(browser);
        var onList = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "designer-list-axe");

        await CreateFlowAsync(page, "axe_flow", "Quy trình kiểm tra truy cập", starter: true);
        await Element(page, "Task_Specialist").ClickAsync();
        await page.Locator("#bio-properties-panel-os-department").WaitForAsync();
        var onEditor = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "designer-editor-axe");

        Assert.Empty(onList);
        Assert.Empty(onEditor);
    }

    [Fact]
    public async Task List_page_fits_a_phone_and_speaks_English_on_request()
    {
        var engine = browser.App.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(Diagrams.Linear("cap_phieu_ly_lich_tu_phap_so_1", 2), new DeployOptions { Publish = true, User = "designer" });
        var page = await SignInAsync(browser, phone: true);
        await Assertions.Expect(page.Locator("#flows tbody tr[data-key='cap_phieu_ly_lich_tu_phap_so_1']")).ToContainTextAsync("Đã ban hành");
        await page.GetByLabel("Tên quy trình").FillAsync("Đăng ký khai sinh");
        await Assertions.Expect(page.GetByLabel("Mã quy trình")).ToHaveValueAsync("dang_ky_khai_sinh");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await BrowserFixture.ScreenshotAsync(page, "designer-list-phone");
        Assert.False(overflow, "the designer list scrolls sideways on a phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Procedure flows" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create flow" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_specialist_is_turned_away_from_the_designer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/designer");
        await page.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").FillAsync("specialist");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/AccessDenied");
        }
        catch (TimeoutException ex)
        {
            await BrowserFixture.ScreenshotAsync(page, "designer-access-denied-failed");
            throw new TimeoutException($"still at {page.Url}: {await page.Locator("main").InnerTextAsync()}", ex);
        }

        await BrowserFixture.ScreenshotAsync(page, "designer-access-denied");
    }

    [GeneratedRegex(@"\bos-problem-(error|warning)\b")]
    private static partial Regex ProblemMarker();
}
