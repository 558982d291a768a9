namespace Api.Portal.Branding;

/// <summary>
/// How the portal looks and whom end users contact, set by the partner's admin. The SSO screens
/// never use it: they stay the platform's own, unbranded. Kept apart from <see cref="Partner"/>
/// so that the logo's bytes are never loaded with the partner.
/// </summary>
public sealed class PartnerBranding
{
    public Guid PartnerId { get; set; }
    public Partner? Partner { get; set; }

    /// <summary>The partner's colour as <c>#rrggbb</c>; null for the platform's default.</summary>
    public string? Color { get; set; }

    public byte[]? Logo { get; set; }

    /// <summary>The type recognised from the logo's bytes (PNG, JPEG or WebP; never SVG, which can carry script).</summary>
    public string? LogoContentType { get; set; }

    /// <summary>The logo's SHA-256 (hex): its public address, so a new logo gets a new URL and the old one can be cached forever.</summary>
    public string? LogoId { get; set; }

    /// <summary>
    /// Anyone may type any address here, so new-ticket notices go to it only once someone who reads
    /// it opened the link we sent to it (<see cref="SupportAddressConfirmation"/>); null until then,
    /// and again at every change of the address.
    /// </summary>
    public string? SupportEmail { get; set; }

    public DateTime? SupportEmailConfirmedAt { get; set; }
    public string? SupportPhone { get; set; }

    /// <summary>Free text such as "Mon–Fri 8:00–18:00 CET".</summary>
    public string? SupportHours { get; set; }
    public DateTime UpdatedAt { get; set; }
}
