namespace Api.Portal;

/// <summary>An MSP: it manages the end users of its clients.</summary>
public sealed class Partner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public List<Client> Clients { get; set; } = [];
}

/// <summary>A partner's customer company; its employees are the portal's end users.</summary>
public sealed class Client
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// When the client's migration to SSO completed; from then on a new end user of this client
    /// is created on SSO (activation e-mail) rather than on the legacy login (set-password e-mail).
    /// </summary>
    public DateTime? MigratedToSsoAt { get; set; }

    /// <summary>
    /// Whether the client's end users who are stuck after their move to SSO (not activated, no
    /// authenticator) get the migration's automatic reminders; the partner's admins may turn them off.
    /// </summary>
    public bool AutomaticReminders { get; set; } = true;

    public List<EndUser> EndUsers { get; set; } = [];
}
