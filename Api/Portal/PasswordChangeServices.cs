using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Api.Sso.Throttling;

namespace Api.Portal;

/// <summary>What Edit Profile's password change needs from the SSO: its throttle, its notice e-mail, its sessions.</summary>
public sealed class PasswordChangeServices(LoginThrottle throttle, AccountEmails emails, SsoSessionStore sessions)
{
    public LoginThrottle Throttle { get; } = throttle;
    public AccountEmails Emails { get; } = emails;
    public SsoSessionStore Sessions { get; } = sessions;
}
