namespace Benchmarks.Seeding;

/// <summary>An SSO account the bench signs in with: activated, enrolled with its own authenticator secret (Base32).</summary>
public sealed record BenchAccount(string Id, string Email, string Password, string AuthenticatorKey);

/// <summary>A partner with <paramref name="EndUsers"/> end users spread over its clients, and its partner admin.</summary>
/// <param name="LatestWaveId">The partner's latest completed migration batch (two days ago: its funnel still settling).</param>
/// <param name="LatestWaveMoved">How many users that batch moved (its funnel's "moved").</param>
/// <param name="NeedsAttention">How many of its end users Manage Users' Needs attention lists.</param>
public sealed record SeededPartner(string Label, int EndUsers, Guid PartnerId, BenchAccount Admin, Guid LatestWaveId, int LatestWaveMoved, int NeedsAttention);

/// <summary>What the orchestrator seeded, for the scenarios.</summary>
/// <param name="Users">End users with portal access (linked SSO accounts), for /me, renewal and sign-in.</param>
/// <param name="UsersFile">The same users as a JSON array of { email, password, authenticatorKey }, for the load processes.</param>
/// <param name="MigrationBatchId">A scheduled batch (far in the future) of <paramref name="MigrationUsers"/> legacy users; Run now starts it.</param>
public sealed record BenchSeed(
    IReadOnlyList<BenchAccount> Users,
    string UsersFile,
    BenchAccount Operator,
    IReadOnlyList<SeededPartner> Partners,
    Guid MigrationBatchId,
    int MigrationUsers);
