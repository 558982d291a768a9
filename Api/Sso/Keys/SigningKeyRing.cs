using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Api.Sso.Keys;

public sealed class SigningKeyOptions
{
    /// <summary>A new key is made at the start of each period of this length.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A replaced key still validates tokens for this long (tokens live minutes, sessions hours).</summary>
    public TimeSpan RetiredKeyValidity { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// A new key is published at once but signs only after this delay, by which time every
    /// replica has reloaded the ring and validates it.
    /// </summary>
    public TimeSpan PropagationDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The keys the identity provider signs and encrypts tokens with, and the Api validates them
/// with: in SQL, shared by every replica, rotated per period, reloaded every few minutes.
/// </summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, IOptions<SigningKeyOptions> options, TimeProvider clock, ILogger<SigningKeyRing> logger)
{
    private static readonly TimeSpan UnknownKeyReloadThrottle = TimeSpan.FromSeconds(30);
    private readonly IDataProtector protector = dataProtection.CreateProtector("Sso.TokenKeys.v1");
    private volatile LoadedKeys? loaded;
    private DateTime lastReload;

    /// <summary>Raised when a reload changed the keys or which one signs.</summary>
    public event Action? Changed;

    /// <summary>The first one signs; all of them validate.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys => Loaded.Signing;

    /// <summary>The first one encrypts; all of them decrypt.</summary>
    public IReadOnlyList<SymmetricSecurityKey> EncryptionKeys => Loaded.Encryption;

    private LoadedKeys Loaded => loaded ?? throw new InvalidOperationException("Token keys are not loaded yet: call InitializeAsync at start-up.");

    /// <summary>At start: makes this period's keys when missing, then loads the ring.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        foreach (var use in Enum.GetValues<SigningKeyUse>())
        {
            await EnsureKeyForCurrentPeriodAsync(use, cancellationToken);
        }

        await ReloadAsync(cancellationToken);
    }

    /// <summary>Validation keys for a token: when its key id is unknown here, the ring is re-read first (at most every 30 s).</summary>
    public IEnumerable<SecurityKey> ValidationKeysFor(string? keyId)
    {
        var keys = SigningKeys;
        if (keyId is not null && keys.All(k => k.KeyId != keyId) && clock.GetUtcNow().UtcDateTime - lastReload > UnknownKeyReloadThrottle)
        {
            ReloadAsync().GetAwaiter().GetResult();
            keys = SigningKeys;
        }

        return keys;
    }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SsoDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        lastReload = now;
        var validFrom = now - options.Value.RetiredKeyValidity;
        var rows = await db.Set<SigningKey>().AsNoTracking()
            .Where(k => k.RetiredAt == null || k.RetiredAt > validFrom)
            .ToListAsync(cancellationToken);

        var next = new LoadedKeys(
            [.. InSigningOrder(rows, SigningKeyUse.Signing, now).Select(ToRsaKey)],
            [.. InSigningOrder(rows, SigningKeyUse.Encryption, now).Select(ToSymmetricKey)]);
        var previous = loaded;
        loaded = next;
        if (previous is not null && !previous.SameAs(next))
        {
            logger.LogInformation("Token keys changed; signing with {KeyId}", next.Signing.FirstOrDefault()?.KeyId);
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// The key that signs first: the newest one old enough for every replica to know it, or the
    /// newest one when none is (the very first start). Then the others, newest first.
    /// </summary>
    private IEnumerable<SigningKey> InSigningOrder(List<SigningKey> rows, SigningKeyUse use, DateTime now)
    {
        var ofUse = rows.Where(k => k.Use == use).OrderByDescending(k => k.CreatedAt).ToList();
        var signer = ofUse.FirstOrDefault(k => now - k.CreatedAt >= options.Value.PropagationDelay) ?? ofUse.FirstOrDefault();
        return signer is null ? ofUse : ofUse.Where(k => k != signer).Prepend(signer);
    }

    private async Task EnsureKeyForCurrentPeriodAsync(SigningKeyUse use, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SsoDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var period = now.Ticks / options.Value.RotationInterval.Ticks;

        if (!await db.Set<SigningKey>().AnyAsync(k => k.Use == use && k.Period == period, cancellationToken))
        {
            db.Add(new SigningKey
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                Use = use,
                Period = period,
                CreatedAt = now,
                ProtectedMaterial = protector.Protect(use == SigningKeyUse.Signing ? NewRsaMaterial() : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another replica made this period's key first; it is loaded below like any other.
                logger.LogInformation("Another replica created the {Use} key for this period", use);
            }
        }

        await db.Set<SigningKey>()
            .Where(k => k.Use == use && k.Period < period && k.RetiredAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RetiredAt, now), cancellationToken);
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

    /// <summary>Keeps the ring in step with the database, every few minutes.</summary>
    public sealed class SigningKeyRefresher(SigningKeyRing ring, IOptions<SigningKeyOptions> options, ILogger<SigningKeyRefresher> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(options.Value.ReloadInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Also makes the next period's key when its time has come.
                    await ring.InitializeAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Token keys could not be reloaded; keeping the ones loaded");
                }
            }
        }
    }

    private sealed record LoadedKeys(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<SymmetricSecurityKey> Encryption)
    {
        public bool SameAs(LoadedKeys other) =>
            Signing.Select(k => k.KeyId).SequenceEqual(other.Signing.Select(k => k.KeyId))
            && Encryption.Select(k => k.KeyId).SequenceEqual(other.Encryption.Select(k => k.KeyId));
    }

    private sealed record RsaMaterial(byte[] D, byte[] DP, byte[] DQ, byte[] Exponent, byte[] InverseQ, byte[] Modulus, byte[] P, byte[] Q)
    {
        public static RsaMaterial From(RSAParameters p) => new(p.D!, p.DP!, p.DQ!, p.Exponent!, p.InverseQ!, p.Modulus!, p.P!, p.Q!);

        public RSAParameters ToParameters() => new()
        {
            D = D, DP = DP, DQ = DQ, Exponent = Exponent, InverseQ = InverseQ, Modulus = Modulus, P = P, Q = Q,
        };
    }
}
