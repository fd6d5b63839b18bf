using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Host.Persistence;

/// <summary>
/// The loop of a periodic background round on the database (deadline notices, lapsing unpaid submissions): a round,
/// then a pause on the host's clock, until the host stops. A round that cannot reach the database, or loses a race with
/// another node (row version), is logged as a warning and tried again next time; any other error stops the host as usual.
/// </summary>
public static class DatabaseRounds
{
    public static async Task RunAsync(string name, TimeSpan interval, Func<CancellationToken, Task> round, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or DbUpdateConcurrencyException
                or InvalidOperationException { InnerException: DbException })
            {
                logger.LogWarning("{Round}: not done this round, tried again in {Interval}: {Error}", name, interval, ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
