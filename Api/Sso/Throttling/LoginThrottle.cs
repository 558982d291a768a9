using Api.Shared;
using Api.Shared.Limits;
using Microsoft.Extensions.Options;

namespace Api.Sso.Throttling;

public sealed class LoginThrottleOptions
{
    /// <summary>Wrong passwords or codes for one account, from browsers it does not trust, before it is locked for <see cref="Window"/>.</summary>
    public int AccountFailureLimit { get; set; } = 5;

    /// <summary>Failures from one client address (IPv6: its /64), across all accounts, from browsers without a device cookie.</summary>
    public int IpFailureLimit { get; set; } = 30;

    /// <summary>Failures a trusted browser (device cookie) may make before it is treated like any other.</summary>
    public int DeviceFailureLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Forgot Password requests from one client address (IPv6: its /64) an hour, whatever e-mails they name.</summary>
    public int ForgotPasswordIpLimit { get; set; } = 20;
}

/// <summary>
/// One attempt's unit of failure budget, taken before its password or code is checked. A right
/// answer gives it back (<see cref="LoginThrottle.GiveBackAsync"/>); a wrong one keeps it spent.
/// </summary>
/// <param name="Keys">The counters the unit was taken from.</param>
/// <param name="LocksAccount">True for the attempt that took the account's last unit: if it fails, the account is locked now.</param>
public sealed record FailureReservation(IReadOnlyList<string> Keys, bool LocksAccount);

/// <summary>
/// Failure budgets in Redis, shared by every replica: per account (a password guessed slowly from
/// many IPs), per client address (one IP trying many accounts), and per trusted device. The unit is
/// taken atomically <em>before</em> the expensive check, so fifty parallel guesses test at most the
/// limit. A browser with the account's device cookie spends its own budget, never the account's or
/// the IP's, so an attacker's lockout does not keep the owner (or the owner's office) out.
/// </summary>
public sealed class LoginThrottle(RedisBudget budget, TrustedDevices devices, IOptions<LoginThrottleOptions> options)
{
    private LoginThrottleOptions Limits => options.Value;

    /// <summary>Takes one unit for an attempt from this browser (its address, its device cookie); null means "refuse without checking".</summary>
    public Task<FailureReservation?> ReserveAsync(HttpContext http, string account) =>
        ReserveAsync(account, CallerNetwork.LimitKeyOf(http), devices.DeviceIdFor(http.Request, account));

    /// <summary>Takes one unit for an attempt; null means "refuse without checking".</summary>
    public async Task<FailureReservation?> ReserveAsync(string account, string clientAddress, string? trustedDeviceId)
    {
        if (trustedDeviceId is not null)
        {
            var device = await budget.TryTakeAsync(DeviceKey(trustedDeviceId), Limits.DeviceFailureLimit, Limits.Window);
            if (device.Taken)
            {
                return new FailureReservation([DeviceKey(trustedDeviceId)], LocksAccount: false);
            }

            // A device cookie that has used up its own budget (stolen, or guessed with) counts as
            // an anonymous browser from here on.
        }

        var accountTake = budget.TryTakeAsync(AccountKey(account), Limits.AccountFailureLimit, Limits.Window);
        var ipTake = budget.TryTakeAsync(IpKey(clientAddress), Limits.IpFailureLimit, Limits.Window);
        var (byAccount, byIp) = (await accountTake, await ipTake);
        if (byAccount.Taken && byIp.Taken)
        {
            return new FailureReservation([AccountKey(account), IpKey(clientAddress)], LocksAccount: byAccount.Count == Limits.AccountFailureLimit);
        }

        // All or nothing: a refused attempt must not spend the budget it did get.
        await Task.WhenAll(
            byAccount.Taken ? budget.GiveBackAsync(AccountKey(account)) : Task.CompletedTask,
            byIp.Taken ? budget.GiveBackAsync(IpKey(clientAddress)) : Task.CompletedTask);
        return null;
    }

    /// <summary>The password or code was right: its unit is not a failure.</summary>
    public Task GiveBackAsync(FailureReservation reservation) =>
        Task.WhenAll(reservation.Keys.Select(key => budget.GiveBackAsync(key)));

    /// <summary>A completed login (or a password reset) clears the account's count, not the IP's.</summary>
    public Task ResetAccountAsync(string account) => budget.ResetAsync(AccountKey(account));

    /// <summary>The accounts among these whose failure budget is spent: sign-in from unrecognised browsers is paused.</summary>
    public async Task<IReadOnlySet<string>> FindLockedOutAsync(IEnumerable<string> accounts)
    {
        var distinct = accounts.Distinct().ToArray();
        var counts = await Task.WhenAll(distinct.Select(account => budget.CountAsync(AccountKey(account))));
        return distinct.Where((_, i) => counts[i] >= Limits.AccountFailureLimit).ToHashSet();
    }

    // The account key is the canonical e-mail (InputRules.NormalizeEmail), so every spelling
    // Identity treats as one account shares one counter.
    private static string AccountKey(string account) => $"sso:fail:account:{account}";

    private static string IpKey(string clientAddress) => $"sso:fail:ip:{clientAddress}";

    private static string DeviceKey(string deviceId) => $"sso:fail:device:{deviceId}";
}
