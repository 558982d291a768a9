namespace Api.Sso.Sessions;

/// <summary>
/// A signed-in browser on the SSO. <see cref="Id"/> is public (it is the tokens' <c>sid</c>); the
/// cookie carries a separate secret, so a token never reveals what would open the session.
/// </summary>
public sealed record SsoSession(
    string Id,
    string Subject,
    string[] Amr,
    bool Legacy,
    DateTime CreatedAt)
{
    public bool HasMfa => Amr.Contains("mfa");
}
