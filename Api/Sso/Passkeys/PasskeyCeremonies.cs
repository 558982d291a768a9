using StackExchange.Redis;

namespace Api.Sso.Passkeys;

/// <summary>
/// The state of a WebAuthn ceremony in progress (the challenge and what it was issued for), kept
/// beside the login transaction in Redis rather than in a cookie, keyed by the transaction (or, in
/// Edit Profile, by the SSO session). Taken with GETDEL: a challenge answers exactly one
/// verification, so of fifty parallel assertions with one challenge, one is verified at all.
/// </summary>
public sealed class PasskeyCeremonies(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>A new ceremony replaces the previous one of the same owner (its challenge is dead).</summary>
    public Task SaveAsync(PasskeyCeremony kind, string owner, string state) =>
        Db.StringSetAsync(Key(kind, owner), state, PasskeyOptionsSetup.CeremonyLifetime);

    /// <summary>The state, removed in the same step; null when it expired or another request took it.</summary>
    public async Task<string?> TakeAsync(PasskeyCeremony kind, string owner)
    {
        var state = await Db.StringGetDeleteAsync(Key(kind, owner));
        return state.IsNullOrEmpty ? null : state.ToString();
    }

    private static string Key(PasskeyCeremony kind, string owner) => $"sso:passkey:{kind}:{owner}";
}

public enum PasskeyCeremony
{
    /// <summary>Registration at the enrolment step of a sign-in (keyed by the login transaction).</summary>
    Enrol,

    /// <summary>Sign-in with a passkey (keyed by the login transaction).</summary>
    Assert,

    /// <summary>Registration from Edit Profile (keyed by the SSO session).</summary>
    Add,
}
