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

    /// <summary>
    /// Null when <see cref="Email"/> is the address an SSO account would sign in with (nearly every
    /// row: the Api stores addresses canonical); otherwise what it would be: the canonical spelling of
    /// an imported "Bob@Example.com", or empty when no account could carry it (not an address, or a
    /// reserved .invalid placeholder). Never set by hand (<see cref="EndUserEmailStamp"/>); indexed
    /// with the partner, so Manage Users' Needs attention finds the few rows with an address problem
    /// without reading the others.
    /// </summary>
    public string? SsoEmailMismatch { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>
    /// The identifier a partner's identity provider (Entra ID, Okta) gave this user when it
    /// provisioned them through SCIM (RFC 7643 §3.1 <c>externalId</c>); null for users added otherwise.
    /// </summary>
    public string? ExternalId { get; set; }
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
