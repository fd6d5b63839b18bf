using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Notices;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;
using OneStop.Workflows.Validation;
using static OneStop.Host.Features.ProcessDesign.DesignProblems;
using static OneStop.Host.Features.ProcessDesign.DesignRules;
using static OneStop.Host.Features.ProcessDesign.DraftStore;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>
/// The designer's API: procedure flows as editable drafts (<see cref="ProcessDraft"/>) and immutable engine versions,
/// validation, publishing, import/export of .bpmn files, the properties panel's lists, and the instance viewer
/// (<see cref="InstanceViewerApi"/>). Called by the designer pages with the session cookie and anti-forgery token,
/// or by tools with a bearer token (docs/decisions/0005-designer-pages.md).
/// </summary>
public static class ProcessDesignApi
{
    // A .bpmn file larger than this is not a procedure flow drawn by hand.
    private const int MaxImportBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapProcessDesignApi(this IEndpointRouteBuilder api)
    {
        var flows = api.MapGroup("/process-definitions")
            .WithTags("Process design")
            .RequireAuthorization(Policies.Designer)
            .AntiforgeryForSessions();

        flows.MapGet("/", ListAsync).WithName("ListProcessDefinitions")
            .WithSummary("Procedure flows: key, name, published version, draft revision, last change, status");
        flows.MapPost("/", CreateAsync).WithName("CreateProcessDefinition").ProducesProblem(409)
            .WithSummary("Creates a flow as a draft from the blank or the starter template");
        flows.MapPost("/import", ImportNewAsync).WithName("ImportProcessDefinition").ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Creates a flow from a .bpmn file (request body); its key is the file's process id")
            .Accepts<string>("application/xml", "application/octet-stream");
        flows.MapGet("/lookups", LookupsAsync).WithName("GetDesignerLookups")
            .WithSummary("Departments, roles, handlers, notice templates and national status codes for the properties panel");
        flows.MapGet("/{key}/draft", GetDraftAsync).WithName("GetProcessDraft").ProducesProblem(404)
            .WithSummary("The draft's XML and revision; the latest version's XML (revision 0) when there is no draft");
        flows.MapPut("/{key}/draft", SaveDraftAsync).WithName("SaveProcessDraft").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Saves the draft over the revision the editor loaded; 409 when someone saved in between");
        flows.MapPost("/{key}/import", ImportIntoAsync).WithName("ImportProcessDraft").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Replaces the draft with a .bpmn file (request body) read as-is, foreign extensions kept; ?revision= as for a save")
            .Accepts<string>("application/xml", "application/octet-stream");
        flows.MapPost("/{key}/validate", Validate).WithName("ValidateProcessDraft")
            .WithSummary("Validates XML as the engine would before publishing");
        flows.MapPost("/{key}/publish", PublishAsync).WithName("PublishProcessDraft").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Publishes the draft as a new version; 422 with the problems when it has errors");
        flows.MapGet("/{key}/versions", ListVersionsAsync).WithName("ListProcessVersions").ProducesProblem(404)
            .WithSummary("Versions of a flow: status, content hash, who deployed and published them when");
        flows.MapGet("/{key}/versions/{version:int}", GetVersionAsync).WithName("GetProcessVersion").ProducesProblem(404)
            .WithSummary("One version's XML (read-only)");
        flows.MapPost("/{key}/versions/{version:int}/retire", RetireAsync).WithName("RetireProcessVersion").ProducesProblem(404)
            .WithSummary("Retires a version: it starts no new instances; running instances finish on it");
        flows.MapGet("/{key}/export", ExportAsync).WithName("ExportProcessDefinition").ProducesProblem(404)
            .WithSummary("Downloads the draft, or ?version=n, as a .bpmn file");

        api.MapInstanceViewerApi();
        return api;
    }

    private static async Task<Ok<List<FlowSummary>>> ListAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var drafts = await db.ProcessDrafts.AsNoTracking()
            .Select(d => new { d.Key, d.Name, d.Revision, d.UpdatedBy, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        var versions = await db.WorkflowDefinitions.AsNoTracking()
            .Select(d => new { d.Key, d.Version, d.Status, d.Name, d.PublishedAt, d.PublishedBy, d.DeployedAt, d.DeployedBy })
            .ToListAsync(cancellationToken);
        var byKey = versions.ToLookup(v => v.Key, StringComparer.Ordinal);
        var procedures = (await db.CatalogueProcedures.AsNoTracking().Where(p => p.WorkflowKey != null)
            .Select(p => new { p.WorkflowKey, p.LocalCode }).ToListAsync(cancellationToken))
            .ToLookup(p => p.WorkflowKey!, p => p.LocalCode, StringComparer.Ordinal);
        var keys = drafts.Select(d => d.Key).Union(versions.Select(v => v.Key), StringComparer.Ordinal);
        var published = nameof(DefinitionStatus.Published);

        var rows = keys.Select(key =>
        {
            var draft = drafts.Find(d => d.Key == key);
            var all = byKey[key].OrderBy(v => v.Version).ToList();
            var current = all.LastOrDefault(v => v.Status == published);
            var latest = all.LastOrDefault();
            return new FlowSummary(
                key,
                draft?.Name ?? current?.Name ?? latest?.Name ?? key,
                current is null ? FlowStatus.Draft : FlowStatus.Published,
                current?.Version,
                latest?.Version ?? 0,
                draft?.Revision ?? 0,
                // Publishing never changes the draft, so a save after the last publication means unpublished changes.
                draft is not null && (current?.PublishedAt is not { } at || draft.UpdatedAt > at),
                draft?.UpdatedBy ?? current?.PublishedBy ?? latest?.DeployedBy,
                draft?.UpdatedAt ?? current?.PublishedAt ?? latest?.DeployedAt,
                [.. procedures[key].Order(StringComparer.Ordinal)]);
        }).OrderBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)).ToList();
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Created<DraftResponse>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateFlowRequest request, OneStopDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var key = request.Key?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        if (!IsValidKey(key))
        {
            errors["key"] = [Say(
                "Mã quy trình bắt đầu bằng chữ cái hoặc dấu gạch dưới, chỉ gồm chữ cái không dấu, chữ số, '_', '-', '.', tối đa 200 ký tự.",
                "The key starts with a letter or '_' and holds only ASCII letters, digits, '_', '-' and '.', at most 200 characters.")];
        }
        if (name.Length is 0 or > 300)
        {
            errors["name"] = [Say("Tên quy trình là bắt buộc, tối đa 300 ký tự.", "The name is required, at most 300 characters.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await ExistsAsync(db, key, cancellationToken))
        {
            return TypedResults.Problem(KeyTaken(key));
        }

        var draft = NewDraft(key, name, FlowTemplates.Create(request.Template, key, name), UserName(http.User), time.GetUtcNow());
        db.ProcessDrafts.Add(draft);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem(KeyTaken(key));
        }
        return TypedResults.Created($"/api/process-definitions/{Uri.EscapeDataString(key)}/draft", ToResponse(draft));
    }

    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> GetDraftAsync(
        string key, OneStopDbContext db, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var draft = await db.ProcessDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (draft is not null)
        {
            return TypedResults.Ok(ToResponse(draft));
        }
        var versions = await engine.GetDefinitionVersionsAsync(key, cancellationToken);
        var source = versions.LastOrDefault(v => v.Status == DefinitionStatus.Published) ?? (versions.Count > 0 ? versions[^1] : null);
        return source is null
            ? TypedResults.Problem(FlowNotFound(key))
            : TypedResults.Ok(new DraftResponse(key, source.Name ?? key, source.Xml, 0, source.Version, source.PublishedBy ?? source.DeployedBy,
                source.PublishedAt ?? source.DeployedAt));
    }

    private static async Task<Results<Ok<SaveDraftResponse>, ProblemHttpResult>> SaveDraftAsync(
        string key, SaveDraftRequest request, OneStopDbContext db, WorkflowEngine engine, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        var (model, problems) = engine.Validate(request.Xml ?? "");
        if (model is null)
        {
            return TypedResults.Problem(NotReadable(problems));
        }
        var result = await StoreAsync(db, key, model, request.Xml!, request.Revision, UserName(http.User), time, cancellationToken);
        return result switch
        {
            StoreOutcome.Saved saved => TypedResults.Ok(new SaveDraftResponse(key, saved.Draft.Name, saved.Draft.Revision, saved.Draft.UpdatedAt, saved.Draft.UpdatedBy)),
            StoreOutcome.Stale stale => TypedResults.Problem(stale.Problem),
            _ => TypedResults.Problem(FlowNotFound(key)),
        };
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportIntoAsync(
        string key, int? revision, HttpRequest request, OneStopDbContext db, WorkflowEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var content = await ReadUploadAsync(request, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(TooLarge(MaxImportBytes));
        }
        var (model, problems) = engine.Validate(content);
        if (model is null)
        {
            return TypedResults.Problem(NotReadable(problems));
        }
        var result = await StoreAsync(db, key, model, model.Xml, revision ?? -1, UserName(request.HttpContext.User), time, cancellationToken);
        return result switch
        {
            StoreOutcome.Saved saved => TypedResults.Ok(new ImportResponse(key, saved.Draft.Name, saved.Draft.Xml, saved.Draft.Revision,
                ToDtos(WithKeyCheck(key, model, problems)))),
            StoreOutcome.Stale stale => TypedResults.Problem(stale.Problem),
            _ => TypedResults.Problem(FlowNotFound(key)),
        };
    }

    private static async Task<Results<Created<ImportResponse>, ProblemHttpResult>> ImportNewAsync(
        HttpRequest request, OneStopDbContext db, WorkflowEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var content = await ReadUploadAsync(request, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(TooLarge(MaxImportBytes));
        }
        var (model, problems) = engine.Validate(content);
        var process = model?.Processes.FirstOrDefault(p => p.Scope.StartEvents.Any()) ?? model?.Processes.FirstOrDefault();
        if (model is null || process is null)
        {
            return TypedResults.Problem(NotReadable(problems));
        }
        if (!IsValidKey(process.Id))
        {
            return TypedResults.Problem(UnusableKey(process.Id));
        }
        if (await ExistsAsync(db, process.Id, cancellationToken))
        {
            return TypedResults.Problem(KeyTaken(process.Id));
        }
        var draft = NewDraft(process.Id, string.IsNullOrWhiteSpace(process.Name) ? process.Id : process.Name, model.Xml,
            UserName(request.HttpContext.User), time.GetUtcNow());
        db.ProcessDrafts.Add(draft);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem(KeyTaken(process.Id));
        }
        return TypedResults.Created($"/api/process-definitions/{Uri.EscapeDataString(draft.Key)}/draft",
            new ImportResponse(draft.Key, draft.Name, draft.Xml, draft.Revision, ToDtos(problems)));
    }

    private static Ok<ValidationResponse> Validate(string key, ValidateRequest request, WorkflowEngine engine)
    {
        var (model, problems) = engine.Validate(request.Xml ?? "");
        var all = ToDtos(WithKeyCheck(key, model, problems));
        return TypedResults.Ok(new ValidationResponse(!all.Any(p => p.Severity == nameof(ProblemSeverity.Error)), all));
    }

    private static async Task<Results<Ok<PublishResponse>, ProblemHttpResult>> PublishAsync(
        string key, PublishRequest request, OneStopDbContext db, WorkflowEngine engine, HttpContext http, CancellationToken cancellationToken)
    {
        var draft = await db.ProcessDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (draft is null)
        {
            return TypedResults.Problem(FlowNotFound(key));
        }
        if (draft.Revision != request.Revision)
        {
            return TypedResults.Problem(Stale(draft));
        }

        var (model, problems) = engine.Validate(draft.Xml);
        var checkedProblems = WithKeyCheck(key, model, problems);
        if (model is null || checkedProblems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return TypedResults.Problem(HasErrors(checkedProblems));
        }

        var before = await engine.GetDefinitionVersionsAsync(key, cancellationToken);
        var deployment = await engine.DeployAsync(draft.Xml, new DeployOptions { Publish = true, User = UserName(http.User) }, cancellationToken);
        var record = deployment.Definitions.FirstOrDefault(d => d.Key == key);
        if (!deployment.Succeeded || record is null)
        {
            return TypedResults.Problem(HasErrors(WithKeyCheck(key, model, deployment.Problems)));
        }
        var unchanged = before.Any(v => v.Version == record.Version && v.Status == DefinitionStatus.Published);
        return TypedResults.Ok(new PublishResponse(key, record.Version, unchanged, ToDtos(checkedProblems)));
    }

    private static async Task<Results<Ok<List<VersionSummary>>, ProblemHttpResult>> ListVersionsAsync(
        string key, OneStopDbContext db, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var versions = await engine.GetDefinitionVersionsAsync(key, cancellationToken);
        if (versions.Count == 0 && !await db.ProcessDrafts.AnyAsync(d => d.Key == key, cancellationToken))
        {
            return TypedResults.Problem(FlowNotFound(key));
        }
        return TypedResults.Ok(versions.OrderByDescending(v => v.Version)
            .Select(v => new VersionSummary(v.Version, v.Status.ToString(), v.ContentHash, v.DeployedAt, v.DeployedBy, v.PublishedAt, v.PublishedBy))
            .ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(
        string key, int version, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if ((await engine.GetDefinitionVersionsAsync(key, cancellationToken)).All(v => v.Version != version))
        {
            return TypedResults.Problem(VersionNotFound(key, version));
        }

        await engine.RetireAsync(key, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetVersionAsync(
        string key, int version, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var record = (await engine.GetDefinitionVersionsAsync(key, cancellationToken)).FirstOrDefault(v => v.Version == version);
        return record is null
            ? TypedResults.Problem(VersionNotFound(key, version))
            : TypedResults.Ok(new VersionResponse(key, record.Name, record.Version, record.Status.ToString(), record.Xml));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string key, int? version, OneStopDbContext db, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        string? xml;
        string fileName;
        if (version is { } number)
        {
            xml = (await engine.GetDefinitionVersionsAsync(key, cancellationToken)).FirstOrDefault(v => v.Version == number)?.Xml;
            fileName = $"{key}-v{number}.bpmn";
        }
        else
        {
            xml = await db.ProcessDrafts.AsNoTracking().Where(d => d.Key == key).Select(d => d.Xml).SingleOrDefaultAsync(cancellationToken)
                ?? await LatestXmlAsync(engine, key, cancellationToken);
            fileName = $"{key}.bpmn";
        }
        if (xml is null)
        {
            return TypedResults.Problem(version is { } v ? VersionNotFound(key, v) : FlowNotFound(key));
        }
        return TypedResults.File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(xml), "application/xml", fileName);
    }

    private static async Task<byte[]?> ReadUploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<string?> LatestXmlAsync(WorkflowEngine engine, string key, CancellationToken cancellationToken)
    {
        var versions = await engine.GetDefinitionVersionsAsync(key, cancellationToken);
        return versions.Count > 0 ? versions[^1].Xml : null;
    }

    /// <summary>The department expressions the reception fills from the procedure (see <c>ReceptionService.StartWorkflowAsync</c>).</summary>
    private const string ProcessingUnit = "${processingUnit}", LeaderUnit = "${leaderUnit}";

    private static async Task<Ok<DesignerLookups>> LookupsAsync(
        OneStopDbContext db, WorkflowEngine engine, NoticeRenderer notices, TimeProvider time, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && d.Agency!.IsActive)
            .OrderBy(d => d.Agency!.Code).ThenBy(d => d.Code)
            .Select(d => new { Agency = d.Agency!.Code, AgencyName = d.Agency.ShortName ?? d.Agency.Name, d.Code, d.Name })
            .ToListAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var english = IsEnglish();
        // The procedure's own units first: a flow drawn with them serves the procedures of any lead agency.
        LookupOption[] byProcedure =
        [
            new(ProcessingUnit, english ? "Processing department of the lead agency (from the procedure)" : "Phòng chuyên môn của cơ quan chủ trì (theo thủ tục)"),
            new(LeaderUnit, english ? "Leadership of the lead agency (from the procedure)" : "Lãnh đạo cơ quan chủ trì (theo thủ tục)"),
        ];
        return TypedResults.Ok(new DesignerLookups(
            [.. byProcedure, .. departments.Select(d => new LookupOption($"{d.Agency}/{d.Code}", $"{d.Name} — {d.AgencyName}"))],
            [.. roles.Where(r => r is not null).OrderBy(r => IndexOfRole(r)).Select(r => new LookupOption(r, r))],
            [.. engine.Handlers.Keys.Select(k => new LookupOption(k, k))],
            [.. notices.Library.Manifest.Templates
                .Where(t => t.IsValidOn(DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnameseText.VietnamOffset).DateTime)))
                .Select(t => new LookupOption(t.Code, $"{t.Code} · {t.Title}"))],
            [.. NationalStatuses.All.Select(s => new LookupOption(s.Code.ToString(CultureInfo.InvariantCulture),
                english ? $"{s.Code} · {s.Vietnamese} ({s.English})" : $"{s.Code} · {s.Vietnamese}"))]));
    }


    private static int IndexOfRole(string role)
    {
        var index = Roles.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }

}
