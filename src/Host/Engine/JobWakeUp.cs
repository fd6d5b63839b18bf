namespace OneStop.Host.Engine;

/// <summary>Wakes this node's job executor early when a command on this node armed a job.</summary>
public sealed class JobWakeUp : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // One pending wake-up is enough; more would only spin the loop.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled first.
            }
        }
    }

    public void Dispose() => signal.Dispose();

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
