using Api.Shared;

namespace Api.Portal;

/// <summary>An MSP employee who manages the partner's clients; always logs in with SSO and MFA.</summary>
public sealed class PartnerStaff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public required string SsoAccountId { get; set; }

    /// <summary><see cref="ProductRoles.PartnerAdmin"/> or <see cref="ProductRoles.PartnerTechnician"/>.</summary>
    public string Role { get; set; } = ProductRoles.PartnerAdmin;
}
