using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Sso.Throttling;

/// <summary>
/// OWASP's "device cookies": a browser that has completed a sign-in for an account carries a
/// signed, encrypted cookie naming that account. Such a browser has a failure budget of its own,
/// so an attacker who locks the account (or the office's shared IP) out for anonymous browsers
/// does not lock its owner out too.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "__Host-sso-device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    // A browser shared by a family or a front desk may sign in several accounts; keep the latest few.
    private const int MaxAccountsPerDevice = 10;

    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("Sso.TrustedDevice.v1").ToTimeLimitedDataProtector();

    /// <summary>The device's id when this browser has signed in to this account before; otherwise null.</summary>
    public string? DeviceIdFor(HttpRequest request, string email)
    {
        var device = Read(request);
        return device is not null && device.Accounts.Contains(AccountTag(email)) ? device.Id : null;
    }

    /// <summary>After a completed sign-in: this browser is now trusted for this account.</summary>
    public void Remember(HttpContext http, string email)
    {
        var device = Read(http.Request) ?? new Device(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)), []);
        var tag = AccountTag(email);
        var accounts = device.Accounts.Where(a => a != tag).Append(tag).TakeLast(MaxAccountsPerDevice).ToArray();
        var payload = JsonSerializer.Serialize(device with { Accounts = accounts });
        var value = protector.Protect(payload, clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
            MaxAge = Lifetime,
        });
    }

    private Device? Read(HttpRequest request)
    {
        var value = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Device>(protector.Unprotect(value));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            // Forged, expired or from a retired key: simply not a trusted device.
            return null;
        }
    }

    // The cookie holds no e-mail address, only a short hash of it (it is encrypted as well).
    private static string AccountTag(string email) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..16];

    private sealed record Device(string Id, string[] Accounts);
}
