using System.Diagnostics;
using Serilog.Context;

namespace OneStop.Host.Logging;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-ID</c> when it is well-formed, else the trace id),
/// echoes it in the response and adds it to every log event of the request.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = context.Request.Headers[Header].ToString();
        if (!IsWellFormed(correlationId))
        {
            correlationId = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        }

        context.TraceIdentifier = correlationId;
        context.Response.Headers[Header] = correlationId;
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    private static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
