namespace Api.Sso.Throttling;

/// <summary>
/// Limits on anonymous requests that cost the server work whatever their outcome (bound to
/// <c>Identity:Throttling</c>, next to the failure limits).
/// </summary>
public sealed class RequestLimitOptions
{
    /// <summary>
    /// Sign-ins started (e-mail step) per client IP (IPv6: per /64) in <see cref="LoginStartWindow"/>.
    /// Generous, so an office of a few hundred people behind one NAT address is never held back
    /// on a Monday morning, while a script enumerating or flooding is.
    /// </summary>
    public int LoginStartsPerIp { get; set; } = 100;

    public TimeSpan LoginStartWindow { get; set; } = TimeSpan.FromMinutes(1);
}
