namespace Api.Mail;

/// <summary>How the connection to the SMTP server is protected (<c>Mail:Security</c>).</summary>
public enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; a server that does not offer it is refused, never used in plain text.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: Development only, or a relay on this machine with <c>Mail:AllowPlainTextToLoopbackRelay</c>.</summary>
    None,
}
