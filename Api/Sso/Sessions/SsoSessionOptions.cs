namespace Api.Sso.Sessions;

/// <summary>How long an SSO session lives: idle (slid by sign-ins and refresh grants) and at most.</summary>
public sealed class SsoSessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
