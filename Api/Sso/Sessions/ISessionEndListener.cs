namespace Api.Sso.Sessions;

/// <summary>An SSO session that ended (any reason) after signing in to these products (client ids).</summary>
public sealed record EndedSession(string Sid, string Subject, IReadOnlyList<string> ClientIds);

/// <summary>
/// Hears of every SSO session that ends, once per session: back-channel logout tells the products.
/// Called on the request that ended it; must return at once (no I/O).
/// </summary>
public interface ISessionEndListener
{
    void SessionEnded(EndedSession session);
}
