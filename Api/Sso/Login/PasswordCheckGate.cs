namespace Api.Sso.Login;

/// <summary>
/// At most one password hash check per processor core at a time; the others wait their turn
/// without holding a thread. A PBKDF2 check is pure CPU: sixty-four of them at once finish no
/// sooner than in turns, but they starve every other request meanwhile (Redis answers time out,
/// sign-ins fail with 503). Queued, sign-ins keep the hash's own throughput and the rest of the
/// Api keeps running. The hash itself is unchanged.
/// </summary>
public sealed class PasswordCheckGate
{
    private readonly SemaphoreSlim turns = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>How many checks may run at once.</summary>
    public static int Width => Environment.ProcessorCount;

    public async Task<T> RunAsync<T>(Func<Task<T>> check, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return await check();
        }
        finally
        {
            turns.Release();
        }
    }

    public Task<T> RunAsync<T>(Func<T> check, CancellationToken cancellationToken) =>
        RunAsync(() => Task.FromResult(check()), cancellationToken);
}
