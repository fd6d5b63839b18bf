using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace OneStop.Host.Features.Lookup;

/// <summary><c>GET /api/lookup/{code}</c>: the public look-up as JSON, without signing in, rate-limited per client.</summary>
public static class LookupApi
{
    /// <summary>One body for every miss, naming no code: an unknown code and a malformed one must be indistinguishable.</summary>
    private static ProblemDetails Missing() => new()
    {
        Title = "Không tìm thấy hồ sơ (dossier not found)",
        Detail = "Không có hồ sơ với mã này. Kiểm tra mã trên giấy tiếp nhận và hẹn trả kết quả.",
        Status = StatusCodes.Status404NotFound,
    };

    public static RouteGroupBuilder MapLookupApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/lookup").WithTags("Lookup").AllowAnonymous().RequireRateLimiting(LookupRateLimiterPolicy.Name);
        // Catch-all: a code with a slash or nothing at all reaches the same handler and gets the same 404.
        group.MapGet("/{*code}", GetAsync)
            .WithName("LookupDossier")
            .WithSummary("Public status of a dossier by its code: procedure, status, units at work, dates and public steps; no personal data.");
        return group;
    }

    private static async Task<Results<Ok<DossierLookup>, NotFound<ProblemDetails>>> GetAsync(
        string? code, LookupQuery lookup, CancellationToken cancellationToken) =>
        await lookup.FindAsync(code, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound(Missing());
}
