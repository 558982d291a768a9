using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Api.Mail;

/// <summary>
/// Sends one message over SMTP (MailKit) with the protection <see cref="MailServer"/> asks for:
/// with StartTls a server that does not offer STARTTLS is an error, so nothing goes out in plain text.
/// </summary>
public sealed class SmtpSender(IOptions<MailOptions> options, IConfiguration configuration, IHostEnvironment environment)
{
    public async Task SendAsync(string messageId, string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken)
    {
        var server = MailServer.From(configuration, options.Value, environment)
            ?? throw new InvalidOperationException("No connection string 'mail' (smtp://host:port or smtps://host:port).");
        var mime = new MimeMessage
        {
            MessageId = messageId,
            Subject = subject,
            Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(to));

        using var smtp = new SmtpClient();
        smtp.Timeout = 15_000;
        await smtp.ConnectAsync(server.Host, server.Port, server.SocketOptions, cancellationToken);
        if (server.UserName is not null)
        {
            await smtp.AuthenticateAsync(server.UserName, server.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
