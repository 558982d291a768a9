namespace Benchmarks.Flows;

/// <summary>
/// Hands out bench users round-robin with an authenticator code each may still use; when every
/// user has used the steps the Api accepts now, waits for the next 30-s step.
/// </summary>
public sealed class UserPool(IReadOnlyList<BenchUser> users, AuthenticatorCodes codes)
{
    private int next = -1;

    public int Count => users.Count;

    public async Task<(BenchUser User, string Code)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var tried = 0; tried < users.Count; tried++)
            {
                var user = users[(int)((uint)Interlocked.Increment(ref next) % (uint)users.Count)];
                if (codes.TryNext(user) is { } code)
                {
                    return (user, code);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
