using System.Text.Json;

namespace Benchmarks.Flows;

/// <summary>
/// A seeded account the flow load signs in with: activated, MFA enrolled with a known
/// authenticator key (base32), so a code can be computed like a phone would.
/// </summary>
public sealed record BenchUser(string Email, string Password, string AuthenticatorKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON array the orchestrator writes when it seeds (property names in either case).</summary>
    public static IReadOnlyList<BenchUser> ReadAll(string path) =>
        JsonSerializer.Deserialize<List<BenchUser>>(File.ReadAllText(path), Json) is { Count: > 0 } users
            ? users
            : throw new InvalidOperationException($"{path} lists no bench users.");

    public static void WriteAll(string path, IEnumerable<BenchUser> users) =>
        File.WriteAllText(path, JsonSerializer.Serialize(users, Json));
}
