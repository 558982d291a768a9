namespace Api.Mail;

public sealed class MailOptions
{
    /// <summary>The platform's mail domain; account e-mails come from DoNotReply@ this domain.</summary>
    public string Domain { get; set; } = "platform.example";

    public string FromName { get; set; } = "Platform Single Sign-On";

    public string FromAddress => $"DoNotReply@{Domain}";

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a replica holds a message it is sending. A replica killed mid-send leaves its lease
    /// behind, and the message waits this long before another replica sends it again.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How the SMTP connection is protected; unset means SslOnConnect for an <c>smtps://</c>
    /// connection string, None in Development to a server on this machine (smtp4dev), and
    /// StartTls everywhere else.
    /// </summary>
    public MailSecurity? Security { get; set; }

    /// <summary>
    /// Lets Security be None outside Development, and only to a relay on this machine (a local
    /// MTA that itself sends onward over TLS): nothing then crosses the network in plain text.
    /// </summary>
    public bool AllowPlainTextToLoopbackRelay { get; set; }
}
