namespace Api.Portal.Branding;

/// <summary>How the portal looks for an end user once they are known: their partner's name, colour and logo.</summary>
/// <param name="Color">The partner's colour as #rrggbb; null for the platform's default.</param>
/// <param name="LogoUrl">Where the logo is (public, cached forever: a new logo gets a new address); null when there is none.</param>
public sealed record PortalBranding(string PartnerName, string? Color, string? LogoUrl)
{
    public static PortalBranding Of(string partnerName, PartnerBranding? branding) =>
        new(partnerName, branding?.Color, LogoApi.UrlOf(branding?.LogoId));
}

/// <summary>Whom an end user contacts for help: their partner, by the ways the partner admin set.</summary>
public sealed record SupportContact(string Name, string? Email, string? Phone, string? Hours)
{
    public static SupportContact Of(string partnerName, PartnerBranding? branding) =>
        new(partnerName, branding?.SupportEmail, branding?.SupportPhone, branding?.SupportHours);
}
