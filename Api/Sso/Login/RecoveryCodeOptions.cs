using Microsoft.Extensions.Options;

namespace Api.Sso.Login;

/// <summary>
/// The server secret recovery codes are keyed with (<c>Identity:RecoveryCodeKey</c>), the same on
/// every replica.
/// <para>
/// Why a configured secret, not one derived from the Data Protection key ring: the lookup needs a
/// deterministic keyed hash, and the ring lives in the same SQL database as the codes (encrypted
/// only when a certificate is configured), so a copy of the database could carry the key along
/// with what it protects. A secret held in configuration (environment, a secret store) is never in
/// the database. Losing it costs only the unused recovery codes (an MFA reset issues new ones),
/// not the TOTP secrets.
/// </para>
/// </summary>
public sealed class RecoveryCodeOptions
{
    public const int MinimumKeyLength = 32;

    public string? RecoveryCodeKey { get; set; }

    /// <summary>Development has a default (appsettings.Development.json); anywhere else a missing key stops start-up.</summary>
    public sealed class Validator : IValidateOptions<RecoveryCodeOptions>
    {
        public ValidateOptionsResult Validate(string? name, RecoveryCodeOptions options) =>
            options.RecoveryCodeKey is { Length: >= MinimumKeyLength }
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Identity:RecoveryCodeKey is not set (or shorter than {MinimumKeyLength} characters). Set it to a long random secret, " +
                    "the same on every replica, kept out of the database (e.g. the environment variable Identity__RecoveryCodeKey); " +
                    "changing it later invalidates the recovery codes already issued.");
    }
}
