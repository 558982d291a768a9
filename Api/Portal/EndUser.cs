namespace Api.Portal;

/// <summary>
/// A client's employee as the portal knows them. Before migration they log in with the legacy
/// hash kept here; after migration <see cref="SsoAccountId"/> links them to their SSO account.
/// </summary>
public sealed class EndUser
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public Client? Client { get; set; }

    /// <summary>
    /// The client's partner, copied here so that one index serves a partner's Manage Users list
    /// (scope + filter + sort + limit) without joining clients. Never set by hand: saving an end
    /// user whose client is new or changed copies it from the client (<see cref="EndUserPartnerStamp"/>).
    /// </summary>
    public Guid PartnerId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string Role { get; set; } = EndUserRoles.EndUser;
    public bool Enabled { get; set; } = true;
    public bool Deleted { get; set; }
    public string? LegacyPasswordHash { get; set; }
    public bool MigratedToSso { get; set; }
    public DateTime? MigratedAt { get; set; }
    public string? SsoAccountId { get; set; }

    /// <summary>
    /// An existing SSO account whose e-mail a partner typed for this row (add, edit, migration)
    /// and that the partner does not manage: the row waits for that account's owner to accept
    /// (<see cref="AccessRequests.OwnerConsent"/>). Until then it grants nothing and changes
    /// nothing on the account.
    /// </summary>
    public string? PendingAccountId { get; set; }

    /// <summary>When the account's owner declined the access request (or said "this was not me"); null while waiting or never asked.</summary>
    public DateTime? AccessDeclinedAt { get; set; }

    /// <summary>Waiting for the owner of an existing SSO account to accept this row's access.</summary>
    public bool AwaitsAccountOwner => PendingAccountId is not null && AccessDeclinedAt is null;
    public DateTime? LastLoginAt { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
