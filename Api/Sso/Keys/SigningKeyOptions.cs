using Microsoft.IdentityModel.Tokens;

namespace Api.Sso.Keys;

/// <summary>How the token keys rotate and sign (<c>Identity:Keys</c>).</summary>
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

    /// <summary>
    /// How new tokens are signed: <c>RS256</c> (RSA-2048, the default) or <c>ES256</c> (ECDSA P-256,
    /// ~20× cheaper to sign). Switching is a rotation: the new kind's key is published at once, signs
    /// after the propagation delay, and the old kind's keys keep validating for the retired-key validity.
    /// </summary>
    public string Algorithm { get; set; } = SecurityAlgorithms.RsaSha256;
}
