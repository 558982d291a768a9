using System.Net.Mail;

namespace Api.Sso.Login;

/// <summary>Checks done before any expensive work: nothing over these sizes is ever hashed.</summary>
public static class InputRules
{
    public const int MaxEmailLength = 254;
    public const int MaxPasswordLength = 128;
    public const int MinPasswordLength = 12;
    public const int MaxBodyBytes = 16 * 1024;

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

    /// <summary>Only local paths may be returned to; never another site ("//evil", "/\evil", "https://…").</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 and < 4096 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\'
            && Uri.TryCreate(returnUrl, UriKind.Relative, out _)
            ? returnUrl
            : "/portal";
}
