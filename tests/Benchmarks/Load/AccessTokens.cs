using Benchmarks.Flows;
using Benchmarks.Seeding;

namespace Benchmarks.Load;

/// <summary>
/// Access tokens for the bench's accounts, got the way the portal SPA gets them: a real sign-in
/// through the SSO (start → password → authenticator code → authorize with PKCE → token).
/// </summary>
public static class AccessTokens
{
    /// <summary>Signs a staff account in (not in the users file, so no load process uses its authenticator steps).</summary>
    public static async Task<string> SignInAsync(Uri issuer, BenchAccount account, CancellationToken cancellationToken)
    {
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        var tokens = await new SsoFlowClient(http).SignInAsync(new BenchUser(account.Email, account.Password, account.AuthenticatorKey), cancellationToken);
        return tokens.AccessToken;
    }

    /// <summary>
    /// Signs a user of the users file in, recording the authenticator step it used in the file the
    /// load processes share, so none of them reuses it (the Api accepts each step once per account).
    /// </summary>
    public static async Task<string> SignInAsync(Uri issuer, string usersFile, BenchAccount account, CancellationToken cancellationToken)
    {
        var user = new BenchUser(account.Email, account.Password, account.AuthenticatorKey);
        var codes = AuthenticatorCodes.Open(usersFile);
        var code = codes.TryNext(user) ?? throw new InvalidOperationException($"{user.Email} has no authenticator step left right now.");
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        var tokens = await new SsoFlowClient(http).SignInAsync(user, code, cancellationToken);
        codes.Save();
        return tokens.AccessToken;
    }
}
