using Api.Data;
using Api.Sso.Accounts;

namespace Api.Admin.ManageUsers;

/// <summary>One end user as Manage Users shows them.</summary>
/// <param name="Role">"End User" or "Client Manager".</param>
/// <param name="Locked">Sign-in is paused by wrong passwords or codes right now (an admin can unlock it).</param>
/// <param name="SsoState">"activation-pending", "mfa-not-enrolled" or "active"; null when not migrated.</param>
/// <param name="Mfa">How a migrated user passes the second step: "passkey", "authenticator-app", both, or none yet (empty; also for a user not migrated).</param>
/// <param name="AccessRequest">"waiting" while the owner of the existing SSO account with this address has not accepted, "declined" when they declined; null otherwise.</param>
/// <param name="Migration">For a user not migrated to SSO: where they stand in the move and whether the partner can fix what keeps them back; null once migrated.</param>
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
    IReadOnlyList<string> Mfa,
    DateTime? LastLoginAt,
    string? AccessRequest,
    EndUserMigration? Migration)
{
    /// <summary>The rows of some listings, with whether each is locked (one Redis round trip for all of them) and where each unmarked one stands in the move (three queries).</summary>
    public static async Task<List<EndUserRow>> FromAsync(
        IReadOnlyCollection<EndUserListing> listings, AppDbContext db, AccountAdministration accounts, CancellationToken cancellationToken)
    {
        // Whether someone else's account is paused is theirs to know: only rows that sign in as themselves are asked.
        var locked = await accounts.FindLockedOutAsync(listings.Where(u => !u.AccessRequested).Select(u => u.Email));
        var migration = await EndUserMigrationStates.OfAsync(listings, db, cancellationToken);
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
            u.MigratedAt,
            SsoStateNames.Of(u.SsoState),
            MfaMethodNames.Of(u.SsoPasskey, u.SsoAuthenticatorApp),
            u.LastLoginAt,
            u.AccessRequested ? (u.AccessDeclined ? AccessRequestNames.Declined : AccessRequestNames.Waiting) : null,
            migration.GetValueOrDefault(u.Id)))];
    }
}

/// <summary>An access request's state on the wire (<see cref="EndUserRow.AccessRequest"/>) and in words.</summary>
public static class AccessRequestNames
{
    public const string Waiting = "waiting";
    public const string Declined = "declined";

    public static string Label(string? name) => name switch
    {
        Waiting => "Waiting for the user to accept",
        Declined => "Declined by the user",
        _ => "",
    };
}
