using System.Text.RegularExpressions;

namespace WebhookReceiver;

/// <summary>A receiving address's name, the last part of <c>/hooks/{name}</c>: one per endpoint a partner registers.</summary>
public static partial class HookAddress
{
    public const string SlugRule = "An address name is 1 to 40 letters, digits or dashes.";

    public static bool IsValidSlug(string? slug) => slug is not null && Slug().IsMatch(slug);

    public static string PathOf(string slug) => $"/hooks/{slug}";

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex Slug();
}
