using System.Text.Json.Serialization;
using Api.Shared;
namespace Api.SsoMigration.Readiness;

/// <summary>
/// What a batch's run would do, user by user, without doing it. <see cref="Users"/> lists only
/// the users worth a look (a problem, a link to an existing account, an exclusion), so the report
/// stays small for a client of thousands; the totals count everyone.
/// </summary>
/// <param name="Problems">How many users have at least one problem.</param>
/// <param name="AwaitingOwner">Users whose address belongs to an existing SSO account the partner does not manage: the run asks its owner, who gets access on accepting.</param>
public sealed record ReadinessReport(int Total, int ToMigrate, int ToLink, int AwaitingOwner, int Excluded, int Problems, IReadOnlyList<ReadinessUser> Users);

/// <param name="Outcome">"migrate", "link" (an account the partner manages), "awaiting-owner" (someone else's account: its owner is asked), "skip" or "excluded" (see <see cref="ReadinessNames"/>).</param>
/// <param name="Problems">"no-usable-email", "duplicate-email", "disabled", "deleted", "locked", "already-migrated".</param>
/// <param name="KeptRoles">The existing SSO account's roles, kept when it is linked; empty otherwise (someone else's roles are theirs to know).</param>
public sealed record ReadinessUser(
    Guid EndUserId,
    string Name,
    string Email,
    Guid ClientId,
    string ClientName,
    string PartnerName,
    string Outcome,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> KeptRoles,
    bool Excluded)
{
    /// <summary>
    /// The run leaves this user where they are: skipped, excluded, or waiting for the owner of the
    /// account with their address. Deleted and already migrated users are not counted as "not moving":
    /// they have nothing to move.
    /// </summary>
    [JsonIgnore]
    public bool StaysBehind =>
        (Outcome is ReadinessNames.Skip or ReadinessNames.Excluded or ReadinessNames.AwaitingOwner)
        && !Problems.Contains(ReadinessNames.Deleted) && !Problems.Contains(ReadinessNames.AlreadyMigrated);
}

/// <summary>The report's words on the wire: written out, so renaming a member cannot change the API.</summary>
public static class ReadinessNames
{
    public const string Migrate = "migrate";
    public const string Link = "link";
    public const string AwaitingOwner = "awaiting-owner";
    public const string Skip = "skip";
    public const string Excluded = "excluded";

    public const string NoUsableEmail = "no-usable-email";
    public const string DuplicateEmail = "duplicate-email";
    public const string Disabled = "disabled";
    public const string Deleted = "deleted";
    public const string Locked = "locked";
    public const string AlreadyMigrated = "already-migrated";
}
