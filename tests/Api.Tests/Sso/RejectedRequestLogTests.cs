using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Sso;

/// <summary>
/// OpenIddict's chatter is off in production, but an operator still sees every refused token or
/// authorize request (a replayed code above all) as one Warning, without the code itself; the
/// everyday "not signed in" answer to a silent renewal stays out of the log.
/// </summary>
public sealed class RejectedRequestLogTests(RejectedRequestLogTests.LoggingApiFactory api) : IClassFixture<RejectedRequestLogTests.LoggingApiFactory>
{
    [Fact]
    public async Task A_replayed_code_is_logged_as_a_warning_without_the_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var renewal = await browser.RenewalCodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.RedeemCodeAsync(renewal.Code, renewal.Verifier)).StatusCode);

        var replay = await browser.RedeemCodeAsync(renewal.Code, renewal.Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        var warning = Assert.Single(api.Warnings, w => w.Contains("token request refused: invalid_grant", StringComparison.Ordinal));
        Assert.Contains(SsoDriver.ClientId, warning);
        Assert.DoesNotContain(renewal.Code, warning);
        Assert.DoesNotContain(renewal.Verifier, warning);
    }

    [Fact]
    public async Task A_silent_renewal_without_a_session_is_not_logged()
    {
        using var browser = new SsoDriver(api);
        var before = api.Warnings.Count;

        var callback = await browser.SilentAuthorizeAsync(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new byte[32]));

        Assert.Contains("error=login_required", callback.Query);
        Assert.Equal(before, api.Warnings.Count);
    }

    /// <summary>The SSO test Api with its Warning-and-above log lines of the OIDC server kept for assertions.</summary>
    public sealed class LoggingApiFactory : SsoApiFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddLogging(logging => logging.AddProvider(new Capture(Warnings))));
        }

        private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

            public void Dispose()
            {
            }

            private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
            {
                public IDisposable? BeginScope<TState>(TState state)
                    where TState : notnull => null;

                public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                {
                    if (IsEnabled(logLevel) && category.Contains("Oidc", StringComparison.Ordinal))
                    {
                        lines.Enqueue(formatter(state, exception));
                    }
                }
            }
        }
    }
}
