using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Admin.ApiClients;

/// <summary>
/// A partner's API client as the admin area knows it: whose it is, its name and scopes, and its
/// life. Its credentials live in the SSO (a machine client, <see cref="ClientId"/>); the secret is
/// nowhere in clear. A revoked client keeps its row (the list shows it, the audit log names it).
/// </summary>
public sealed class ApiClient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public required string Name { get; set; }

    /// <summary>The OAuth client id the partner's scripts present at the token endpoint.</summary>
    public required string ClientId { get; set; }

    /// <summary>Space-separated, as OAuth writes them (<see cref="ApiClientScopes"/>).</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? SecretRotatedAt { get; set; }

    /// <summary>Until when the secret before the last rotation still works; null when only one works.</summary>
    public DateTime? PreviousSecretValidUntil { get; set; }

    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> entity)
    {
        entity.Property(c => c.Name).HasMaxLength(ApiClientInput.MaxNameLength);
        entity.Property(c => c.ClientId).HasMaxLength(100);
        entity.Property(c => c.Scopes).HasMaxLength(200);
        entity.Property(c => c.CreatedBy).HasMaxLength(300);
        entity.HasIndex(c => c.ClientId).IsUnique();
        entity.HasIndex(c => new { c.PartnerId, c.RevokedAt });
        entity.HasOne<Api.Portal.Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(c => c.ScopeList);
    }
}
