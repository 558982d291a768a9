using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Api.Sso.Keys;

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

    /// <summary>The first one signs; all of them (RSA and ECDSA) validate and are published in the JWKS.</summary>
    public IReadOnlyList<AsymmetricSecurityKey> SigningKeys => Loaded.Signing;

    /// <summary>What signs now: the first key with its algorithm.</summary>
    public SigningCredentials SigningCredentials => CredentialsFor(SigningKeys[0]);

    /// <summary>RS256 for an RSA key, ES256 for a P-256 key.</summary>
    public static SigningCredentials CredentialsFor(AsymmetricSecurityKey key) =>
        new(key, key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);

    /// <summary>The first one encrypts; all of them decrypt.</summary>
    public IReadOnlyList<SymmetricSecurityKey> EncryptionKeys => Loaded.Encryption;

    private LoadedKeys Loaded => loaded ?? throw new InvalidOperationException("Token keys are not loaded yet: call InitializeAsync at start-up.");

    /// <summary>At start: makes this period's keys when missing, then loads the ring.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await EnsureKeyForCurrentPeriodAsync(ConfiguredSigningUse, cancellationToken);
        await EnsureKeyForCurrentPeriodAsync(SigningKeyUse.Encryption, cancellationToken);
        await ReloadAsync(cancellationToken);
        await RetireOtherKindOnceReplacedAsync(cancellationToken);
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
            [.. SignersInOrder(rows, now).Select(ToSigningKey)],
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

    private SigningKeyUse ConfiguredSigningUse =>
        options.Value.Algorithm == SecurityAlgorithms.EcdsaSha256 ? SigningKeyUse.EcSigning : SigningKeyUse.Signing;

    /// <summary>
    /// Signing keys of both kinds, the configured kind's signer first once every replica knows it;
    /// until then (just after a switch of algorithm) the other kind's signer keeps signing.
    /// </summary>
    private IEnumerable<SigningKey> SignersInOrder(List<SigningKey> rows, DateTime now)
    {
        var other = ConfiguredSigningUse == SigningKeyUse.Signing ? SigningKeyUse.EcSigning : SigningKeyUse.Signing;
        var configured = InSigningOrder(rows, ConfiguredSigningUse, now).ToList();
        var others = InSigningOrder(rows, other, now).ToList();
        var configuredReady = configured.Count > 0 && now - configured[0].CreatedAt >= options.Value.PropagationDelay;
        return configuredReady || others.Count == 0 ? configured.Concat(others) : others.Concat(configured);
    }

    /// <summary>After a switch of algorithm, once the new kind signs, the old kind's keys retire (and validate a while longer).</summary>
    private async Task RetireOtherKindOnceReplacedAsync(CancellationToken cancellationToken)
    {
        var signer = SigningKeys.FirstOrDefault();
        if (signer is null || (signer is ECDsaSecurityKey) != (ConfiguredSigningUse == SigningKeyUse.EcSigning))
        {
            return;
        }

        var other = ConfiguredSigningUse == SigningKeyUse.Signing ? SigningKeyUse.EcSigning : SigningKeyUse.Signing;
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow().UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<SsoDbContext>().Set<SigningKey>()
            .Where(k => k.Use == other && k.RetiredAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RetiredAt, now), cancellationToken);
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
                ProtectedMaterial = protector.Protect(use switch
                {
                    SigningKeyUse.Signing => NewRsaMaterial(),
                    SigningKeyUse.EcSigning => NewEcMaterial(),
                    _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                }),
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

    private static string NewEcMaterial()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey());
    }

    private AsymmetricSecurityKey ToSigningKey(SigningKey row)
    {
        if (row.Use == SigningKeyUse.EcSigning)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(row.ProtectedMaterial)), out _);
            return new ECDsaSecurityKey(ecdsa) { KeyId = row.Id };
        }

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

    private sealed record LoadedKeys(IReadOnlyList<AsymmetricSecurityKey> Signing, IReadOnlyList<SymmetricSecurityKey> Encryption)
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
