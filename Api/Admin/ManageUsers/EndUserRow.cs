using Api.Sso.Accounts;

namespace Api.Admin.ManageUsers;

/// <summary>One end user as Manage Users shows them.</summary>
/// <param name="Role">"End User" or "Client Manager".</param>
/// <param name="Locked">Sign-in is paused by wrong passwords or codes right now (an admin can unlock it).</param>
/// <param name="SsoState">"activation-pending", "mfa-not-enrolled" or "active"; null when not migrated.</param>
public sealed record EndUserRow(
    Guid Id,
    string Name,
    string Email,
    Guid ClientId,
    string ClientName,
    string Role,
    bool Enabled,
    bool Locked,
    bool MigratedToSso,
    DateTime? MigratedAt,
    string? SsoState,
    DateTime? LastLoginAt)
{
    /// <summary>The rows of some listings, with whether each is locked (one Redis round trip for all of them).</summary>
    public static async Task<List<EndUserRow>> FromAsync(IReadOnlyCollection<EndUserListing> listings, AccountAdministration accounts)
    {
        var locked = await accounts.FindLockedOutAsync(listings.Select(u => u.Email));
        return [.. listings.Select(u => new EndUserRow(
            u.Id,
            u.Name,
            u.Email,
            u.ClientId,
            u.ClientName,
            u.Role,
            u.Enabled,
            locked.Contains(u.Email),
            u.MigratedToSso,
            WireTime.Utc(u.MigratedAt),
            SsoStateNames.Of(u.SsoState),
            WireTime.Utc(u.LastLoginAt)))];
    }
}
