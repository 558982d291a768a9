using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Api.Webhooks;

/// <summary>
/// Endpoint signing secrets: <c>whsec_</c> and 32 random bytes in base64, as the Standard Webhooks
/// libraries read them. Stored protected by the shared Data Protection key ring (every replica
/// signs); a person sees one only once, when it is made.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Webhooks.Secret.v1");

    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
