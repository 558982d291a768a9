using System.Diagnostics;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Benchmarks.Flows;

/// <summary>What each flow scenario does, run inside the load process (<see cref="LoadProcess"/>).</summary>
public static class FlowLoads
{
    /// <summary>
    /// Silent renewal: each client is a browser tab of an already signed-in user (sign-ins not
    /// measured; with fewer users than clients, tabs share a user's session), and one operation
    /// is authorize prompt=none → 302 with a code → POST /connect/token.
    /// </summary>
    public static async Task<FlowResult> RenewalAsync(Uri issuer, UserPool pool, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        var sessions = new SsoFlowClient[Math.Min(clients, pool.Count)];
        await Parallel.ForAsync(0, sessions.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (user, code) = await pool.TakeAsync(ct);
            sessions[i] = new SsoFlowClient(http);
            await sessions[i].SignInAsync(user, code, ct);
        });
        return await ClosedLoop.RunAsync("renewal", clients, warmup, duration,
            (client, ct) => sessions[client % sessions.Length].RenewAsync(ct), cancellationToken);
    }

    /// <summary>
    /// Refresh grant: each client is a portal tab with its own SSO session and its own refresh-token
    /// family (a tab never shares its chain: using one token twice is a replay that revokes it), and
    /// one operation is POST /connect/token grant_type=refresh_token, keeping the rotated token.
    /// </summary>
    public static async Task<FlowResult> RefreshAsync(Uri issuer, UserPool pool, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        if (clients > pool.Count)
        {
            throw new FlowException($"{clients} refresh clients need as many users; the pool has {pool.Count}.");
        }

        var tabs = new SsoFlowClient[clients];
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (user, code) = await pool.TakeAsync(ct);
            tabs[i] = new SsoFlowClient(http);
            await tabs[i].SignInAsync(user, code, ct);
            await tabs[i].StartRefreshChainAsync(ct);
        });
        return await ClosedLoop.RunAsync("refresh", clients, warmup, duration, (client, ct) => tabs[client].RefreshAsync(ct), cancellationToken);
    }

    /// <summary>The full sign-in of a fresh browser (no cookies): start → password → MFA → authorize → token, user after user.</summary>
    public static async Task<FlowResult> SignInAsync(Uri issuer, UserPool pool, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        return await ClosedLoop.RunAsync("signin", clients, warmup, duration, async (_, ct) =>
        {
            var (user, code) = await pool.TakeAsync(ct);
            await new SsoFlowClient(http).SignInAsync(user, code, ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Passkey sign-in of a fresh browser: start → passkey options → the authenticator's assertion →
    /// authorize → token. Setup (not measured): twice as many users as clients sign in with their
    /// password and code and add a passkey in Edit Profile; each operation then takes a user no other
    /// client holds (an authenticator's signature counter only goes up).
    /// </summary>
    public static async Task<FlowResult> PasskeySignInAsync(Uri issuer, UserPool pool, int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var http = SsoFlowClient.CreateHttpClient(issuer);
        var ready = new System.Collections.Concurrent.ConcurrentQueue<(BenchUser User, Api.Tests.Support.SoftwareAuthenticator Authenticator)>();
        await Parallel.ForAsync(0, Math.Min(clients * 2, pool.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (_, ct) =>
        {
            var (user, code) = await pool.TakeAsync(ct);
            var browser = new SsoFlowClient(http);
            var authenticator = new Api.Tests.Support.SoftwareAuthenticator(synced: true);
            await browser.RegisterPasskeyAsync(await browser.SignInAsync(user, code, ct), authenticator, ct);
            ready.Enqueue((user, authenticator));
        });
        return await ClosedLoop.RunAsync("passkey", clients, warmup, duration, async (_, ct) =>
        {
            if (!ready.TryDequeue(out var holder))
            {
                throw new FlowException("No passkey user free: fewer users than clients.");
            }

            try
            {
                await new SsoFlowClient(http).SignInWithPasskeyAsync(holder.User, holder.Authenticator, ct);
            }
            finally
            {
                ready.Enqueue(holder);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Raw password checks: the Api's own hasher type with its own (default) settings, verifying
    /// a right password, on as many threads as the sign-in load has clients.
    /// </summary>
    public static async Task<FlowResult> HashAsync(int clients, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        // What the Api's DI builds for IPasswordHasher<SsoAccount> (SsoServiceExtensions).
        var hasher = new MigratingPasswordHasher();
        // Every client gets its thread at once (the pool would otherwise add them one by one).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, clients + 2), io);
        const string Password = "Bench-Pass-2026!";
        var hash = hasher.HashPassword(new SsoAccount(), Password);
        var result = await ClosedLoop.RunAsync("hash", clients, warmup, duration, (_, _) =>
        {
            // Synchronous like the Api's check; one thread-pool thread per client.
            if (hasher.VerifyHashedPassword(new SsoAccount(), hash, Password) == PasswordVerificationResult.Failed)
            {
                throw new FlowException("The hasher refused its own hash.");
            }

            return Task.CompletedTask;
        }, cancellationToken);
        return result with { Note = result.Note ?? Describe(hash) };
    }

    /// <summary>Identity's v3 format: marker 0x01, PRF, iteration count (big-endian), salt length, salt, subkey.</summary>
    private static string Describe(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Debug.Assert(bytes[0] == 0x01, "Identity v3 hash");
        var prf = ReadUInt32(bytes, 1) switch { 0 => "HMAC-SHA1", 1 => "HMAC-SHA256", 2 => "HMAC-SHA512", var other => $"PRF {other}" };
        return $"PBKDF2 {prf}, {ReadUInt32(bytes, 5)} iterations (Identity v3, the Api's PasswordHasher settings)";
    }

    private static uint ReadUInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3]);
}
