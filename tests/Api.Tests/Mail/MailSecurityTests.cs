using Api.Mail;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Tests.Mail;

/// <summary>
/// Issue 17: mail to the SMTP server is protected outside Development. STARTTLS is required, not
/// merely tried (an attacker who strips it would read reset links and the SMTP password), and the
/// Api refuses to start with plain text except to a relay on this machine, asked for explicitly.
/// </summary>
public sealed class MailSecurityTests
{
    [Theory]
    [Trait("ASVS", "9.2.1")]
    [InlineData("Production", null, null, "smtp://mail.example:587")]
    [InlineData("Production", "StartTls", null, "smtp://mail.example:587")]
    [InlineData("Production", "SslOnConnect", null, "smtp://mail.example:465")]
    [InlineData("Production", null, null, "smtps://mail.example:465")]
    [InlineData("Development", "None", null, "smtp://127.0.0.1:2525")]
    [InlineData("Development", null, null, "smtp://mail.example:25")]
    [InlineData("Production", "None", "true", "smtp://127.0.0.1:25")]
    [InlineData("Production", "None", "true", "smtp://localhost:25")]
    [InlineData("Production", "None", "true", "smtp://[::1]:25")]
    public void A_protected_connection_or_a_loopback_relay_asked_for_starts(string environment, string? security, string? loopbackRelay, string mail)
    {
        var options = Build(environment, mail, security, loopbackRelay);

        Assert.NotNull(options.Value);
    }

    [Theory]
    [Trait("ASVS", "9.2.1")]
    [InlineData("Production", "None", null, "smtp://127.0.0.1:25", MailSecurityValidator.PlainTextRefused)]
    [InlineData("Staging", "None", null, "smtp://mail.example:25", MailSecurityValidator.PlainTextRefused)]
    [InlineData("Production", "None", "false", "smtp://localhost:25", MailSecurityValidator.PlainTextRefused)]
    [InlineData("Production", "None", "true", "smtp://mail.example:25",
        "Mail:AllowPlainTextToLoopbackRelay allows plain text only to a relay on this machine (localhost, 127.0.0.1, ::1), but ConnectionStrings:mail names \"mail.example\".")]
    public void Plain_text_mail_outside_development_stops_the_start_with_a_sentence(string environment, string? security, string? loopbackRelay, string mail, string sentence)
    {
        var options = Build(environment, mail, security, loopbackRelay);

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains(failure.Failures, message => message.StartsWith(sentence, StringComparison.Ordinal));
    }

    [Theory]
    [Trait("ASVS", "9.2.1")]
    [InlineData("Production", null, "smtp://mail.example:587", SecureSocketOptions.StartTls)]
    [InlineData("Production", "StartTls", "smtp://mail.example:587", SecureSocketOptions.StartTls)]
    [InlineData("Production", null, "smtps://mail.example:465", SecureSocketOptions.SslOnConnect)]
    [InlineData("Development", null, "smtp://127.0.0.1:2525", SecureSocketOptions.None)]
    [InlineData("Development", "StartTls", "smtp://127.0.0.1:2525", SecureSocketOptions.StartTls)]
    [InlineData("Development", null, "smtp://user:password@smtp.provider.example:587", SecureSocketOptions.StartTls)]
    public void The_sender_asks_MailKit_for_the_strict_setting_never_StartTlsWhenAvailable(string environment, string? security, string mail, SecureSocketOptions expected)
    {
        var options = new MailOptions { Security = security is null ? null : Enum.Parse<MailSecurity>(security) };

        var server = MailServer.From(Configuration(mail, null, null), options, new Environment(environment));

        Assert.Equal(expected, server!.SocketOptions);
    }

    [Fact]
    [Trait("ASVS", "9.2.1")]
    public async Task A_server_that_does_not_offer_starttls_gets_nothing_when_tls_is_required()
    {
        // A real SMTP server on loopback that offers no STARTTLS, as one whose offer an attacker stripped.
        using var sink = new SmtpSink();
        var mail = $"smtp://127.0.0.1:{sink.Port}";
        var required = Sender("Production", mail, security: null);
        var development = Sender("Development", mail, security: null);

        var refused = await Record.ExceptionAsync(() => required.SendAsync("refused@platform.example", "someone@example.com", "Reset your password", "link", "<p>link</p>", CancellationToken.None));
        var before = sink.Received.Count;
        await development.SendAsync("development@platform.example", "someone@example.com", "Development mail", "text", "<p>text</p>", CancellationToken.None);

        Assert.IsType<NotSupportedException>(refused);
        Assert.Contains("STARTTLS", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, before);
        // The control: the same server takes plain text where that is the setting (Development).
        Assert.Contains("Development mail", Assert.Single(sink.Received).Data);
    }

    [Fact]
    [Trait("ASVS", "9.2.1")]
    public async Task The_api_in_production_does_not_start_with_plain_text_mail()
    {
        var api = new PlainTextProductionApi();
        Exception? failure;
        try
        {
            failure = Record.Exception(() => api.Services);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }

        Assert.NotNull(failure);
        Assert.Contains(MailSecurityValidator.PlainTextRefused, failure.ToString(), StringComparison.Ordinal);
    }

    private static IOptions<MailOptions> Build(string environment, string mail, string? security, string? loopbackRelay) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(Configuration(mail, security, loopbackRelay))
            .AddSingleton<IHostEnvironment>(new Environment(environment))
            .AddMail()
            .BuildServiceProvider()
            .GetRequiredService<IOptions<MailOptions>>();

    private static SmtpSender Sender(string environment, string mail, string? security)
    {
        var configuration = Configuration(mail, security, null);
        var options = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        return new SmtpSender(Options.Create(options), configuration, new Environment(environment));
    }

    private static IConfiguration Configuration(string mail, string? security, string? loopbackRelay) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:mail"] = mail,
            ["Mail:Security"] = security,
            ["Mail:AllowPlainTextToLoopbackRelay"] = loopbackRelay,
        }).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>The Api as deployed (Production), told to send mail in plain text to a server on the network.</summary>
    private sealed class PlainTextProductionApi : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ApplySchemaOnStart", "true");
            builder.UseSetting("Identity:RecoveryCodeKey", "test-only-recovery-code-key-0123456789abcdef");
            builder.UseSetting("ConnectionStrings:mail", "smtp://mail.example:25");
            builder.UseSetting("Mail:Security", "None");
        }
    }
}
