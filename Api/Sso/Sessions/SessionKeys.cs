using System.Security.Cryptography;
using System.Text;

namespace Api.Sso.Sessions;

/// <summary>
/// Where <see cref="SsoSessionStore"/> keeps sessions in Redis. A subject's sessions, its index
/// and the products each session signed in to carry the subject as hash tag (<c>{subject}</c>),
/// so on a Redis Cluster they share one hash slot and every multi-key command and transaction over
/// them is allowed (anything else answers CROSSSLOT). A cookie names no subject, so its key is a
/// pointer in a slot of its own, never written in the same command as the others.
/// On one server (Garnet, Redis) the braces are only characters of the name.
/// </summary>
public static class SessionKeys
{
    /// <summary>Every session key, for a SCAN (the products sets do not match).</summary>
    public const string SessionPattern = "sso:{*}:session:*";

    /// <summary>The session itself (JSON of <see cref="SsoSession"/>), expiring with the idle timeout.</summary>
    public static string Session(string subject, string sid) => $"sso:{{{subject}}}:session:{sid}";

    /// <summary>The subject's session ids, to list them or revoke them all.</summary>
    public static string Index(string subject) => $"sso:{{{subject}}}:sessions";

    /// <summary>The products (client ids) the session signed in to, told when it ends.</summary>
    public static string Products(string subject, string sid) => $"sso:{{{subject}}}:products:{sid}";

    /// <summary>The cookie's secret (hashed) → "sid:subject", the pointer a browser's cookie follows.</summary>
    public static string Cookie(string secret) =>
        $"sso:cookie:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";
}
