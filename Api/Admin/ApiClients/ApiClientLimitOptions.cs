namespace Api.Admin.ApiClients;

/// <summary>How many API clients a partner may have, and how fast each may call (bound to <c>Admin:ApiClients</c>).</summary>
public sealed class ApiClientLimitOptions
{
    public const string SectionName = "Admin:ApiClients";

    /// <summary>Active (not revoked) API clients per partner.</summary>
    public int MaxActivePerPartner { get; set; } = 20;

    /// <summary>Requests per client in <see cref="RequestWindow"/>, across every replica; beyond it 429 with Retry-After.</summary>
    public int RequestsPerWindow { get; set; } = 600;

    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(1);
}
