using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Sso.Keys;

/// <summary>
/// A token key kept in SQL so every replica signs and validates with the same keys and a restart
/// does not log everybody out. The key material is protected with Data Protection.
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; set; }
    public required SigningKeyUse Use { get; set; }

    /// <summary>
    /// The rotation period the key was made for. Unique per use, so replicas starting together
    /// cannot both make a key for the same period: the second insert fails and it loads the first.
    /// </summary>
    public long Period { get; set; }

    public required string ProtectedMaterial { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }
}

public enum SigningKeyUse
{
    /// <summary>RSA-2048, RS256.</summary>
    Signing,
    Encryption,

    /// <summary>ECDSA P-256, ES256 (<see cref="SigningKeyOptions.Algorithm"/>).</summary>
    EcSigning,
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.Property(k => k.Id).HasMaxLength(64);
        key.Property(k => k.Use).HasConversion<string>().HasMaxLength(20);
        key.HasIndex(k => new { k.Use, k.Period }).IsUnique();
    }
}
