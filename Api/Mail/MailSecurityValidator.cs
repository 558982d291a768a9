using Microsoft.Extensions.Options;

namespace Api.Mail;

/// <summary>
/// Outside Development the Api does not start with mail in plain text: reset and activation links
/// and the SMTP password would cross the network readable. The one exception is a relay on this
/// machine, asked for explicitly.
/// </summary>
public sealed class MailSecurityValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<MailOptions>
{
    public const string PlainTextRefused =
        "Mail:Security is None outside Development: reset links and the SMTP password would cross the network in plain text. " +
        "Use StartTls or SslOnConnect (an smtps:// connection string), or, for a relay on this machine only, set Mail:AllowPlainTextToLoopbackRelay=true.";

    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var server = MailServer.From(configuration, options, environment);
        if (server is null || server.Security != MailSecurity.None)
        {
            // A missing connection string is reported by the sender, as before: nothing is sent.
            return ValidateOptionsResult.Success;
        }

        if (!options.AllowPlainTextToLoopbackRelay)
        {
            return ValidateOptionsResult.Fail(PlainTextRefused);
        }

        return server.IsLoopback
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Mail:AllowPlainTextToLoopbackRelay allows plain text only to a relay on this machine (localhost, 127.0.0.1, ::1), " +
                $"but ConnectionStrings:mail names \"{server.Host}\". Use Mail:Security StartTls or SslOnConnect.");
    }
}
