using Benchmarks.Flows;

namespace Benchmarks.Soak;

/// <summary>A signed-in browser of the soak: its SSO cookie (in the client), its latest access token, when it signed in.</summary>
public sealed class SoakSession(BenchUser user, SsoFlowClient browser, string accessToken, DateTimeOffset signedInAt)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public BenchUser User => user;

    public SsoFlowClient Browser => browser;

    public DateTimeOffset SignedInAt { get; } = signedInAt;

    public string AccessToken { get; set; } = accessToken;

    public DateTimeOffset TokenAt { get; set; } = signedInAt;

    /// <summary>A renewal answered "sign in again": the session is gone.</summary>
    public bool Lost { get; set; }

    /// <summary>One tab at a time per browser (its cookie jar is not shared between threads).</summary>
    public bool TryTake() => turn.Wait(0);

    public void Release() => turn.Release();
}

/// <summary>Every session the load signed in, in sign-in order; operations take one no other client is using.</summary>
public sealed class SoakSessions
{
    private readonly List<SoakSession> sessions = [];
    private int next = -1;

    public int Count
    {
        get
        {
            lock (sessions)
            {
                return sessions.Count;
            }
        }
    }

    public void Add(SoakSession session)
    {
        lock (sessions)
        {
            sessions.Add(session);
        }
    }

    public IReadOnlyList<SoakSession> All()
    {
        lock (sessions)
        {
            return [.. sessions];
        }
    }

    /// <summary>
    /// A free session not known lost, round-robin over all (renewals), or among those whose access
    /// token is still fresh (reads and tickets). Null when none is free right now.
    /// </summary>
    public SoakSession? Take(bool freshTokenOnly)
    {
        var all = All();
        var limit = DateTimeOffset.UtcNow.AddMinutes(-4);
        for (var tried = 0; tried < all.Count; tried++)
        {
            var session = all[(int)((uint)Interlocked.Increment(ref next) % (uint)all.Count)];
            if (!session.Lost && (!freshTokenOnly || session.TokenAt > limit) && session.TryTake())
            {
                return session;
            }
        }

        return null;
    }
}
