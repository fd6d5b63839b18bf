using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Catalogue;

public static class CatalogueApi
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder api)
    {
        var catalogue = api.MapGroup("/catalogue").WithTags("Catalogue");
        catalogue.MapGet("/fields", ListFieldsAsync)
            .RequireAuthorization(Policies.ApiCaller)
            .WithName("ListFields")
            .WithSummary("Fields (lĩnh vực) of the catalogue");
        catalogue.MapPost("/fields", CreateFieldAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateField")
            .WithSummary("Adds a field (Admin)");
        catalogue.MapGet("/procedures", SearchAsync)
            .RequireAuthorization(Policies.ApiCaller)
            .WithName("SearchProcedures")
            .WithSummary("Procedures by name or code (without diacritics too), field and agency (lead or cooperating); paged");
        catalogue.MapGet("/procedures/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.ApiCaller)
            .WithName("GetProcedure")
            .WithSummary("One procedure with its documents, duration and fees");
        catalogue.MapPost("/procedures", CreateAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateProcedure")
            .WithSummary("Adds a procedure (Admin); validation errors name the field");
        catalogue.MapPut("/procedures/{id:guid}", UpdateAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateProcedure")
            .WithSummary("Replaces a procedure (Admin)");
        catalogue.MapPost("/import", CatalogueImport.ImportAsync)
            .RequireAuthorization(Policies.Admin)
            // Bearer tokens only (no cookie), so there is no cross-site form post to defend against.
            .DisableAntiforgery()
            .WithName("ImportCatalogue")
            .WithSummary("Imports procedures from a CSV or XLSX file (Admin): all rows or none, with a row-by-row error report");
        catalogue.MapGet("/export", CatalogueImport.ExportAsync)
            .RequireAuthorization(Policies.Staff)
            .WithName("ExportCatalogue")
            .WithSummary("The whole catalogue as CSV or XLSX (format=csv|xlsx), in the layout the import reads");
        return api;
    }

    private static async Task<Ok<List<CodeName>>> ListFieldsAsync(OneStopDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.CatalogueFields.AsNoTracking().OrderBy(f => f.Code).Select(f => new CodeName(f.Code, f.Name)).ToListAsync(cancellationToken));

    private static async Task<Results<Created<CodeName>, ValidationProblem>> CreateFieldAsync(
        FieldRequest request, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > 50)
        {
            errors["code"] = ["Bắt buộc nhập, tối đa 50 ký tự."];
        }
        else if (await db.CatalogueFields.AnyAsync(f => f.Code == request.Code.Trim(), cancellationToken))
        {
            errors["code"] = [$"Lĩnh vực mã '{request.Code}' đã có."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 300)
        {
            errors["name"] = ["Bắt buộc nhập, tối đa 300 ký tự."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var field = new Field { Code = request.Code!.Trim(), Name = request.Name!.Trim() };
        db.CatalogueFields.Add(field);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/catalogue/fields/{Uri.EscapeDataString(field.Code)}", new CodeName(field.Code, field.Name));
    }

    private static async Task<Ok<ProcedurePage>> SearchAsync(
        OneStopDbContext db, CancellationToken cancellationToken,
        string? q = null, string? field = null, string? agency = null, DateOnly? effectiveOn = null, int page = 1, int pageSize = 20)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.CatalogueProcedures.AsNoTracking().Matching(q, field, agency, effectiveOn);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.LocalCode).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ProcedureSummary(p.Id, p.NationalCode, p.LocalCode, p.Name, new CodeName(p.Field!.Code, p.Field.Name),
                new CodeName(p.LeadAgency!.Code, p.LeadAgency.Name),
                new DurationDto(p.Duration.Value, p.Duration.Unit, p.Duration.SecondStage, p.Duration.RemoteArea),
                p.OnlineLevel, p.ResolvedOnTheSpot, p.EffectiveFrom, p.EffectiveTo))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProcedurePage(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<ProcedureDto>, NotFound<ProblemDetails>>> GetAsync(Guid id, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var procedure = await db.CatalogueProcedures.AsNoTracking().WithDetails().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return procedure is null ? NotFound(id) : TypedResults.Ok(CatalogueRules.ToDto(procedure));
    }

    private static async Task<Results<Created<ProcedureDto>, ValidationProblem>> CreateAsync(
        ProcedureRequest request, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var lookup = await CatalogueLookup.LoadAsync(db, cancellationToken);
        var errors = CatalogueRules.Validate(request, lookup, id: null);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var procedure = new Procedure
        {
            NationalCode = "", LocalCode = "", Name = "", Duration = new ProcedureDuration(),
        };
        CatalogueRules.Apply(request, procedure, lookup);
        db.CatalogueProcedures.Add(procedure);
        await db.SaveChangesAsync(cancellationToken);
        var created = await db.CatalogueProcedures.AsNoTracking().WithDetails().SingleAsync(p => p.Id == procedure.Id, cancellationToken);
        return TypedResults.Created($"/api/catalogue/procedures/{procedure.Id}", CatalogueRules.ToDto(created));
    }

    private static async Task<Results<Ok<ProcedureDto>, ValidationProblem, NotFound<ProblemDetails>>> UpdateAsync(
        Guid id, ProcedureRequest request, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var procedure = await db.CatalogueProcedures.WithDetails().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return NotFound(id);
        }

        var lookup = await CatalogueLookup.LoadAsync(db, cancellationToken);
        var errors = CatalogueRules.Validate(request, lookup, id);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        CatalogueRules.Apply(request, procedure, lookup);
        await db.SaveChangesAsync(cancellationToken);
        var updated = await db.CatalogueProcedures.AsNoTracking().WithDetails().SingleAsync(p => p.Id == id, cancellationToken);
        return TypedResults.Ok(CatalogueRules.ToDto(updated));
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Thông tin thủ tục chưa hợp lệ (invalid procedure)");

    private static NotFound<ProblemDetails> NotFound(Guid id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Không tìm thấy (not found)",
        Detail = $"Không có thủ tục '{id}' trong danh mục.",
        Status = StatusCodes.Status404NotFound,
    });
}
