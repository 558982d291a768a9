namespace Api.Shared;

/// <summary>
/// Wakes a background service at once instead of at its next poll (a request queued mail, an
/// operator pressed Run now). Signals given while it is busy collapse into one wake-up.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
