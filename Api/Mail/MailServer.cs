using MailKit.Security;

namespace Api.Mail;

/// <summary>
/// Where mail goes and how it is protected, from <c>ConnectionStrings:mail</c>
/// (<c>smtp://user:password@host:port</c> or <c>smtps://…</c>) and <c>Mail:Security</c>: one
/// reading shared by the sender and the start-up check, so both mean the same server.
/// </summary>
public sealed record MailServer(string Host, int Port, string? UserName, string? Password, MailSecurity Security)
{
    public const string ConnectionStringName = "mail";

    /// <summary>MailKit's setting for <see cref="Security"/>: StartTls is the strict one, never StartTlsWhenAvailable, which a network attacker can strip.</summary>
    public SecureSocketOptions SocketOptions => Security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    public bool IsLoopback => Host == "localhost" || (System.Net.IPAddress.TryParse(Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>The configured server, or null when <c>ConnectionStrings:mail</c> is missing or not an absolute URI.</summary>
    public static MailServer? From(IConfiguration configuration, MailOptions options, IHostEnvironment environment)
    {
        if (!Uri.TryCreate(configuration.GetConnectionString(ConnectionStringName), UriKind.Absolute, out var server))
        {
            return null;
        }

        var credentials = string.IsNullOrEmpty(server.UserInfo) ? null : server.UserInfo.Split(':', 2);
        var configured = new MailServer(
            server.Host,
            server.Port,
            credentials is null ? null : Uri.UnescapeDataString(credentials[0]),
            credentials is null ? null : Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? ""),
            options.Security ?? MailSecurity.StartTls);
        // Plain text by default only for a development server on this machine (smtp4dev, a test
        // sink); a developer pointing Development at a real provider still gets STARTTLS.
        return options.Security is not null ? configured
            : server.Scheme == "smtps" ? configured with { Security = MailSecurity.SslOnConnect }
            : environment.IsDevelopment() && configured.IsLoopback ? configured with { Security = MailSecurity.None }
            : configured;
    }

    /// <summary>Not the password: this record may end up in a log.</summary>
    public override string ToString() => $"{Host}:{Port} ({Security})";
}
