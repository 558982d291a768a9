using System.Security.Cryptography;
using System.Text.Json;
using Api.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Api.Sso.Keys;

public sealed class SigningKeyOptions
{
    /// <summary>A new signing key is made when the newest is older than this.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A replaced key still validates tokens for this long (tokens live minutes, sessions hours).</summary>
    public TimeSpan RetiredKeyValidity { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>
/// The keys the identity provider signs tokens with and the Api validates them with. Loaded from
/// SQL at start, created there when missing, rotated when the newest is too old.
/// </summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, Microsoft.Extensions.Options.IOptions<SigningKeyOptions> options, TimeProvider clock)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Sso.TokenKeys.v1");
    private volatile LoadedKeys? loaded;

    /// <summary>Newest first: the first one signs, all of them validate.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys => Loaded.Signing;

    public IReadOnlyList<SymmetricSecurityKey> EncryptionKeys => Loaded.Encryption;

    private LoadedKeys Loaded => loaded ?? throw new InvalidOperationException("Token keys are not loaded yet: call InitializeAsync at start-up.");

    /// <summary>At start: makes a new key when the newest is too old, then loads the ring.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            await EnsureFreshKeyAsync(db, SigningKeyUse.Signing, now, cancellationToken);
            await EnsureFreshKeyAsync(db, SigningKeyUse.Encryption, now, cancellationToken);
        }

        await ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// Re-reads the ring, so a key another replica created at its start validates here too
    /// (called periodically by <see cref="SigningKeyRefresher"/>).
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var validFrom = now - options.Value.RetiredKeyValidity;
        var rows = await db.Set<SigningKey>()
            .Where(k => k.RetiredAt == null || k.RetiredAt > validFrom)
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderByDescending(k => k.CreatedAt)];

        loaded = new LoadedKeys(
            [.. rows.Where(k => k.Use == SigningKeyUse.Signing).Select(ToRsaKey)],
            [.. rows.Where(k => k.Use == SigningKeyUse.Encryption).Select(ToSymmetricKey)]);
    }

    private async Task EnsureFreshKeyAsync(AppDbContext db, SigningKeyUse use, DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Set<SigningKey>().Where(k => k.Use == use && k.RetiredAt == null).ToListAsync(cancellationToken);
        var newest = active.MaxBy(k => k.CreatedAt);
        if (newest is not null && now - newest.CreatedAt < options.Value.RotationInterval)
        {
            return;
        }

        foreach (var old in active)
        {
            old.RetiredAt = now;
        }

        db.Add(new SigningKey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Use = use,
            CreatedAt = now,
            ProtectedMaterial = protector.Protect(use == SigningKeyUse.Signing ? NewRsaMaterial() : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string NewRsaMaterial()
    {
        using var rsa = RSA.Create(2048);
        return JsonSerializer.Serialize(RsaMaterial.From(rsa.ExportParameters(includePrivateParameters: true)));
    }

    private RsaSecurityKey ToRsaKey(SigningKey row)
    {
        var material = JsonSerializer.Deserialize<RsaMaterial>(protector.Unprotect(row.ProtectedMaterial))!;
        return new RsaSecurityKey(material.ToParameters()) { KeyId = row.Id };
    }

    private SymmetricSecurityKey ToSymmetricKey(SigningKey row) =>
        new(Convert.FromBase64String(protector.Unprotect(row.ProtectedMaterial))) { KeyId = row.Id };

    /// <summary>Keeps the validation keys in step with the database, every few minutes.</summary>
    public sealed class SigningKeyRefresher(SigningKeyRing ring, ILogger<SigningKeyRefresher> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ring.ReloadAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Token keys could not be reloaded; keeping the ones loaded");
                }
            }
        }
    }

    private sealed record LoadedKeys(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<SymmetricSecurityKey> Encryption);

    private sealed record RsaMaterial(byte[] D, byte[] DP, byte[] DQ, byte[] Exponent, byte[] InverseQ, byte[] Modulus, byte[] P, byte[] Q)
    {
        public static RsaMaterial From(RSAParameters p) => new(p.D!, p.DP!, p.DQ!, p.Exponent!, p.InverseQ!, p.Modulus!, p.P!, p.Q!);

        public RSAParameters ToParameters() => new()
        {
            D = D, DP = DP, DQ = DQ, Exponent = Exponent, InverseQ = InverseQ, Modulus = Modulus, P = P, Q = Q,
        };
    }
}
