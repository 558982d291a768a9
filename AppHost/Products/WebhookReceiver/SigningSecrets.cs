using System.Collections.Concurrent;

namespace WebhookReceiver;

/// <summary>
/// The signing secret a partner pasted for each receiving address (<c>/hooks/{name}</c>): the
/// portal shows an endpoint's secret once, at creation or rotation, and the receiver keeps it.
/// In memory only: a development tool forgets everything when it stops.
/// </summary>
public sealed class SigningSecrets
{
    /// <summary>The Standard Webhooks secret format: <c>whsec_</c> and base64.</summary>
    public const string Prefix = "whsec_";

    private readonly ConcurrentDictionary<string, string> bySlug = new(StringComparer.OrdinalIgnoreCase);

    public string? For(string slug) => bySlug.TryGetValue(slug, out var secret) ? secret : null;

    /// <summary>Keeps the secret, or answers why it cannot be one.</summary>
    public string? TrySet(string slug, string? secret)
    {
        secret = secret?.Trim();
        if (!HookAddress.IsValidSlug(slug))
        {
            return HookAddress.SlugRule;
        }

        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal) || !IsBase64(secret[Prefix.Length..]))
        {
            return "Paste the signing secret the portal showed, starting with whsec_.";
        }

        bySlug[slug] = secret;
        return null;
    }

    public IReadOnlyCollection<KeyValuePair<string, string>> All => bySlug.ToArray();

    private static bool IsBase64(string value) =>
        value.Length > 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
