namespace Api.Sso.Sessions;

/// <summary>
/// A signed-in browser on the SSO. <see cref="Id"/> is public (it is the tokens' <c>sid</c>); the
/// cookie carries a separate secret, so a token never reveals what would open the session.
/// <see cref="Device"/> and <see cref="Network"/> let the user recognise it in their list of
/// sessions; the network is masked, so the list never holds a full address.
/// </summary>
public sealed record SsoSession(
    string Id,
    string Subject,
    string[] Amr,
    bool Legacy,
    DateTime CreatedAt,
    string? Device = null,
    string? Network = null,
    DateTime? LastSeenAt = null)
{
    public bool HasMfa => Amr.Contains("mfa");
}
