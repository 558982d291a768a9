using System.Net.Mail;

namespace Api.Shared;

/// <summary>Checks done before any expensive work: nothing over these sizes is ever hashed.</summary>
public static class InputRules
{
    public const int MaxEmailLength = 254;
    public const int MaxPasswordLength = 128;
    public const int MinPasswordLength = 12;
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxReturnUrlLength = 2048;
    public const string DefaultReturnUrl = "/portal";

    /// <summary>
    /// The canonical form of an e-mail: every spelling that names one account (case, Unicode
    /// compatibility forms such as fullwidth letters) becomes the same string, so each variant
    /// meets the same account, the same failure counter and the same checks.
    /// </summary>
    public static string? NormalizeEmail(string? email)
    {
        email = email?.Trim();
        try
        {
            email = email?.Normalize(System.Text.NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Not a valid Unicode string (a lone surrogate): not an e-mail address either.
            return null;
        }

        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return null;
        }

        return email.ToLowerInvariant();
    }

    public static bool IsPasswordSized(string? password) => password is { Length: > 0 and <= MaxPasswordLength };

    // Any origin will do: only whether a path stays on it matters.
    private static readonly Uri SomeOrigin = new("https://portal.invalid/");

    /// <summary>
    /// Only a path on this origin may be returned to, never another site ("//evil", "/\evil",
    /// "https://…"), nothing over 2 KB, and no control characters, raw or percent-encoded
    /// (browsers drop tabs and newlines from URLs, so "/\t/evil" would become "//evil").
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 and <= MaxReturnUrlLength } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\'
            && !HasControlCharacter(returnUrl) && !HasControlCharacter(Uri.UnescapeDataString(returnUrl))
            && Uri.TryCreate(returnUrl, UriKind.Relative, out _)
            && Uri.TryCreate(SomeOrigin, returnUrl, out var resolved) && resolved.Authority == SomeOrigin.Authority
            ? returnUrl
            : DefaultReturnUrl;

    private static bool HasControlCharacter(string text) => text.Any(c => c < 0x20 || c == 0x7F);
}
