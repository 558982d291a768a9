using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Shared.Links;

public enum LinkPurpose
{
    Activation,
    PasswordReset,

    /// <summary>"This was not me" in an authenticator notice (stored as text: at most 20 characters).</summary>
    RemoveAuthenticator,

    /// <summary>A new portal end user, not yet on SSO, sets their first portal password.</summary>
    PortalPasswordSetup,

    /// <summary>The owner of an existing SSO account accepts or declines the portal access a partner offers.</summary>
    PortalAccessRequest,
    /// <summary>The partner's support address proves it receives mail before ticket notices go to it.</summary>
    SupportAddress,
}

/// <summary>
/// A link mailed to someone (SSO activation, password reset, "this was not me", the portal's
/// set-password invitation, a support address's confirmation): single use, expiring. Only a hash of its secret is
/// stored, so a copy of the database cannot be turned into working links.
/// </summary>
public sealed class OneTimeLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Whom the link acts on: an SSO account id, a portal end user's id, or a partner's support address.</summary>
    public required string SubjectId { get; set; }
    public LinkPurpose Purpose { get; set; }
    public required string SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

public sealed class OneTimeLinks(DbContext db, TimeProvider clock)
{
    /// <summary>Creates a link and returns the token to put in the URL: "{id}.{secret}".</summary>
    public string Create(string subjectId, LinkPurpose purpose, TimeSpan lifetime)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new OneTimeLink
        {
            SubjectId = subjectId,
            Purpose = purpose,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Add(link);
        return $"{link.Id:N}.{secret}";
    }

    /// <summary>
    /// Marks the link used and returns its subject id, or null when the token is malformed,
    /// unknown, expired or already used. The update is conditional, so two concurrent uses of
    /// one link cannot both succeed.
    /// </summary>
    public async Task<string?> ConsumeAsync(string? token, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (await FindUsableAsync(token, purpose, cancellationToken) is not { } link)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<OneTimeLink>()
            .Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
        return claimed == 1 ? link.SubjectId : null;
    }

    /// <summary>
    /// Every unused link of this subject and purpose stops working (a newer one replaces them). One
    /// UPDATE, run at once: inside the caller's transaction it rolls back with it.
    /// </summary>
    public async Task RevokeAsync(string subjectId, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OneTimeLink>()
            .Where(l => l.SubjectId == subjectId && l.Purpose == purpose && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
    }

    /// <summary>
    /// The subject id of a link that would work now, without using it (a page that shows what the
    /// link is about before the person decides); null as for <see cref="ConsumeAsync"/>.
    /// </summary>
    public async Task<string?> PeekAsync(string? token, LinkPurpose purpose, CancellationToken cancellationToken) =>
        (await FindUsableAsync(token, purpose, cancellationToken))?.SubjectId;

    private async Task<OneTimeLink?> FindUsableAsync(string? token, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        var parts = token?.Split('.', 2);
        if (parts is not [var idText, var secret] || !Guid.TryParseExact(idText, "N", out var id) || secret.Length > 100)
        {
            return null;
        }

        var link = await db.Set<OneTimeLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.Purpose == purpose, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return link is null || link.UsedAt is not null || link.ExpiresAt <= now
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(link.SecretHash), Encoding.ASCII.GetBytes(Hash(secret)))
            ? null
            : link;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class OneTimeLinkConfiguration : IEntityTypeConfiguration<OneTimeLink>
{
    public void Configure(EntityTypeBuilder<OneTimeLink> link)
    {
        link.Property(l => l.SubjectId).HasMaxLength(64);
        link.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(20);
        link.Property(l => l.SecretHash).HasMaxLength(64);
        link.HasIndex(l => l.SubjectId);
    }
}
