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

    public List<EndUser> EndUsers { get; set; } = [];
}
