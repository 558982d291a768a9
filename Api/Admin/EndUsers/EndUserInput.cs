using System.Text;
using Api.Shared;
using Api.Portal;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.EndUsers;

/// <summary>The fields an admin gives an end user (add and edit), checked and normalised.</summary>
public sealed record EndUserInput(Guid ClientId, string Name, string Email, string Role)
{
    public const int MaxNameLength = 200;

    /// <summary>The checked fields, or the first problem with a sentence naming the field.</summary>
    public static (EndUserInput? Input, ValidationProblem? Problem) Check(Guid? clientId, string? name, string? email, string? role)
    {
        if (clientId is not { } client || client == Guid.Empty)
        {
            return (null, Problems.Invalid("clientId", "Choose the client this user works for."));
        }

        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= MaxNameLength } || !IsPrintable(trimmed))
        {
            return (null, Problems.Invalid("name", $"Enter the user's name (1 to {MaxNameLength} characters, no control characters)."));
        }

        var normalized = InputRules.NormalizeEmail(email);
        if (normalized is null)
        {
            return (null, Problems.Invalid("email", "Enter a valid e-mail address, like name@example.com."));
        }

        if (role is null || !EndUserRoles.All.Contains(role))
        {
            return (null, Problems.Invalid("role", $"Choose the role: {string.Join(" or ", EndUserRoles.All)}."));
        }

        return (new EndUserInput(client, trimmed, normalized, role), null);
    }

    // Well-formed Unicode (no lone surrogates) without control or direction-override characters.
    internal static bool IsPrintable(string text) =>
        text.EnumerateRunes().All(r => r != Rune.ReplacementChar && !Rune.IsControl(r) && Rune.GetUnicodeCategory(r) != System.Globalization.UnicodeCategory.Format);
}
