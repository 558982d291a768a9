using System.Text.Json.Nodes;
using Api.Portal;
using Api.Shared;

namespace Api.Scim.Users;

/// <summary>
/// What a SCIM User body (POST, PUT, or the result of a PATCH) asks the end user to be. The portal
/// keeps one address and one name where SCIM has several attributes for each, so on a change the
/// attribute that differs from what the user has now is the one that counts (a PATCH of
/// name.givenName leaves displayName as it was). Read-only attributes (id, meta, the portal
/// extension's facts) are ignored, as RFC 7644 §3.5.1 says.
/// </summary>
/// <param name="ClientId">The portal extension's clientId, when given.</param>
/// <param name="Organization">The enterprise extension's organization (a client's name), when given.</param>
public sealed record ScimUserInput(string Email, string Name, bool Active, string? ExternalId, string Role, Guid? ClientId, string? Organization)
{
    public const int MaxExternalIdLength = 200;

    /// <param name="patched">
    /// True when <paramref name="body"/> is the user's own representation with a PATCH applied: then
    /// the name attribute that differs from it is the change. A PUT's body is the client's whole
    /// view, which may hold a givenName/familyName split the portal never kept: its displayName
    /// (else name.formatted) is the name.
    /// </param>
    public static (ScimUserInput? Input, ScimResult? Error) From(JsonObject body, ScimUserResource.Facts? current, bool patched = false)
    {
        var email = EmailOf(body, current?.User.Email, out var emailError);
        if (emailError is not null)
        {
            return (null, emailError);
        }

        var active = ScimRequest.Boolean(body.Member("active"), out var validActive);
        if (!validActive)
        {
            return (null, ScimErrors.InvalidValue("active must be true or false."));
        }

        var externalId = body.StringMember("externalId");
        var notText = body.Member("externalId") is not null && externalId is null;
        if (notText || externalId?.Length > MaxExternalIdLength)
        {
            return (null, ScimErrors.InvalidValue($"externalId must be a string of at most {MaxExternalIdLength} characters."));
        }

        var portal = body.Member(ScimSchemas.PortalUser) as JsonObject;
        Guid? clientId = null;
        if (portal?.Member("clientId") is { } rawClient)
        {
            if (!Guid.TryParse(rawClient is JsonValue v && v.TryGetValue<string>(out var text) ? text : null, out var parsed))
            {
                return (null, ScimErrors.InvalidValue("clientId must be the id of one of your clients."));
            }

            clientId = parsed;
        }

        var organization = (body.Member(ScimSchemas.EnterpriseUser) as JsonObject)?.StringMember("organization")?.Trim();
        var role = portal?.StringMember("role") ?? current?.User.Role ?? EndUserRoles.EndUser;
        return (new ScimUserInput(
            email!,
            NameOf(body, patched ? current?.User.DisplayName : null) ?? current?.User.DisplayName ?? email!,
            active ?? current?.User.Enabled ?? true,
            string.IsNullOrWhiteSpace(externalId) ? null : externalId,
            role,
            clientId,
            string.IsNullOrEmpty(organization) ? null : organization), null);
    }

    /// <summary>userName and the work (else primary, else first) e-mail are one address here.</summary>
    private static string? EmailOf(JsonObject body, string? currentEmail, out ScimResult? error)
    {
        error = null;
        var userName = body.StringMember("userName");
        var work = WorkEmailOf(body);
        if (userName is null && work is null)
        {
            error = currentEmail is null
                ? ScimErrors.InvalidValue("Give the user's userName: the e-mail address they sign in with.")
                : null;
            return currentEmail;
        }

        if (userName is null || work is null || Same(userName, work))
        {
            return userName ?? work;
        }

        // Both given and different: on a change, the one that moved from the current address wins.
        if (currentEmail is not null && Same(userName, currentEmail))
        {
            return work;
        }

        if (currentEmail is not null && Same(work, currentEmail))
        {
            return userName;
        }

        error = ScimErrors.InvalidValue("userName and the work e-mail must be the same address: users sign in with the e-mail they are sent mail at.");
        return null;
    }

    private static string? WorkEmailOf(JsonObject body)
    {
        if (body.Member("emails") is not JsonArray emails)
        {
            return null;
        }

        var entries = emails.OfType<JsonObject>().ToList();
        var chosen = entries.FirstOrDefault(e => string.Equals(e.StringMember("type"), "work", StringComparison.OrdinalIgnoreCase))
                     ?? entries.FirstOrDefault(e => ScimRequest.Boolean(e.Member("primary"), out _) == true)
                     ?? entries.FirstOrDefault();
        return chosen?.StringMember("value");
    }

    private static bool Same(string a, string b) =>
        string.Equals(InputRules.NormalizeEmail(a) ?? a, InputRules.NormalizeEmail(b) ?? b, StringComparison.Ordinal);

    /// <summary>displayName, name.formatted, or givenName + familyName: the first given, or (after a PATCH of <paramref name="currentName"/>) the changed one.</summary>
    private static string? NameOf(JsonObject body, string? currentName)
    {
        var name = body.Member("name") as JsonObject;
        var joined = name is null ? null : ScimUserResource.JoinName(name.StringMember("givenName"), name.StringMember("familyName"));
        string? currentJoined = null;
        if (currentName is not null)
        {
            var (currentGiven, currentFamily) = ScimUserResource.SplitName(currentName);
            currentJoined = ScimUserResource.JoinName(currentGiven, currentFamily);
        }

        (string? Given, string? Now)[] candidates =
        [
            (body.StringMember("displayName"), currentName),
            (name?.StringMember("formatted"), currentName),
            (string.IsNullOrEmpty(joined) ? null : joined, currentJoined),
        ];
        var given = candidates.Where(c => !string.IsNullOrWhiteSpace(c.Given)).ToList();
        if (currentName is null)
        {
            return given.Select(c => c.Given).FirstOrDefault();
        }

        return given.FirstOrDefault(c => c.Given != c.Now).Given ?? currentName;
    }
}
