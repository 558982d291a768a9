using System.Diagnostics;
using Api.Mail;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Mail;

/// <summary>Once an e-mail is delivered, the outbox keeps that it was sent, not the link it carried.</summary>
public sealed class OutboxRetentionTests(OutboxRetentionTests.DeliveringApiFactory api) : IClassFixture<OutboxRetentionTests.DeliveringApiFactory>
{
    [Fact]
    [Trait("ASVS", "8.3.8")]
    public async Task A_delivered_reset_mail_keeps_its_delivery_status_but_no_link()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        await browser.ForgotPasswordAsync(user.Email);

        var sent = await WaitForDeliveryAsync(user.Email, "password-reset");
        // The user got the link ...
        var delivered = Assert.Single(api.Smtp.Received, m => m.Recipients.Contains(user.Email));
        Assert.Contains("reset-password", delivered.Data);
        // ... the outbox row says so, and holds nothing that would open the account.
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.Equal("Reset your password", sent.Subject);
        Assert.Equal(user.Email, sent.To);
        Assert.Equal(OutboxMessage.ContentRemoved, sent.TextBody);
        Assert.Equal(OutboxMessage.ContentRemoved, sent.HtmlBody);
        Assert.DoesNotContain("token=", sent.TextBody + sent.HtmlBody);
    }

    private async Task<OutboxMessage> WaitForDeliveryAsync(string to, string kind)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var sent = (await Mailbox.MessagesAsync(api.Services, to, kind)).FirstOrDefault(m => m.SentAt is not null);
            if (sent is not null)
            {
                return sent;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"no {kind} mail to {to} was delivered within 20 s");
            await Task.Delay(100);
        }
    }

    /// <summary>The Api with its mail going to a real SMTP server (a sink on loopback) instead of a closed port.</summary>
    public sealed class DeliveringApiFactory : SsoApiFactory
    {
        public SmtpSink Smtp { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:mail", $"smtp://127.0.0.1:{Smtp.Port}");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Smtp.Dispose();
        }
    }
}
