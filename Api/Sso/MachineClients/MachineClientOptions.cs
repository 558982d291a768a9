namespace Api.Sso.MachineClients;

/// <summary>
/// Machine clients (the client-credentials grant): which scopes a caller module offers them, how long
/// their tokens live, how long a rotated-out secret keeps working, and how many failed client
/// authentications a client id may have before the token endpoint stops checking (bound to <c>Sso:MachineClients</c>).
/// </summary>
public sealed class MachineClientOptions
{
    public const string SectionName = "Sso:MachineClients";

    /// <summary>The scopes a machine client may be given; the module that creates them adds its own.</summary>
    public HashSet<string> Scopes { get; } = new(StringComparer.Ordinal);

    /// <summary>Short: a stolen token is worth little, and a revocation is checked on every request anyway.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the previous secret keeps working after a rotation, unless retired earlier.</summary>
    public TimeSpan PreviousSecretLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed client authentications per client id in <see cref="FailedAuthenticationWindow"/>; beyond it the token endpoint answers 429.</summary>
    public int FailedAuthenticationsPerClient { get; set; } = 10;

    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(15);
}
