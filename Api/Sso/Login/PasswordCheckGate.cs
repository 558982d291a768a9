using System.Diagnostics.Metrics;

namespace Api.Sso.Login;

/// <summary>
/// At most one password hash check per processor core at a time; the others wait their turn
/// without holding a thread. A PBKDF2 check is pure CPU: sixty-four of them at once finish no
/// sooner than in turns, but they starve every other request meanwhile (Redis answers time out,
/// sign-ins fail with 503). Queued, sign-ins keep the hash's own throughput and the rest of the
/// Api keeps running. The hash itself is unchanged. Every password form goes through here: the
/// SSO's password step and the portal's own (legacy) form, through <see cref="ProductSignIn"/>.
/// The gate counts what it lets through, on the <see cref="MeterName"/> meter too.
/// </summary>
public sealed class PasswordCheckGate
{
    public const string MeterName = "Api.Sso";

    private readonly SemaphoreSlim turns = new(Width, Width);
    private int running;
    private int mostAtOnce;
    private long completed;

    public PasswordCheckGate(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("sso.password_checks.running", () => Volatile.Read(ref running), "{check}",
            "Password hash checks running now (at most one per core; the rest wait their turn).");
        meter.CreateObservableCounter("sso.password_checks.completed", () => Interlocked.Read(ref completed), "{check}",
            "Password hash checks completed through the gate.");
    }

    /// <summary>How many checks may run at once.</summary>
    public static int Width => Environment.ProcessorCount;

    /// <summary>The most checks that ever ran at the same moment through this gate.</summary>
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    /// <summary>How many checks have completed through this gate.</summary>
    public long Completed => Interlocked.Read(ref completed);

    public async Task<T> RunAsync<T>(Func<Task<T>> check, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            NoteRunning(Interlocked.Increment(ref running));
            try
            {
                return await check();
            }
            finally
            {
                Interlocked.Decrement(ref running);
                Interlocked.Increment(ref completed);
            }
        }
        finally
        {
            turns.Release();
        }
    }

    public Task<T> RunAsync<T>(Func<T> check, CancellationToken cancellationToken) =>
        RunAsync(() => Task.FromResult(check()), cancellationToken);

    private void NoteRunning(int now)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref mostAtOnce);
        }
        while (now > seen && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen);
    }
}
