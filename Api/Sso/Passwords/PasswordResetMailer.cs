using Api.Shared.Limits;
using Api.Sso.Accounts;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passwords;

/// <summary>
/// Turns queued forgot-password requests into reset e-mails for registered accounts, at most
/// <see cref="MailsPerHour"/> per account an hour, so the form cannot flood someone's inbox. A
/// browser the owner has signed in with before (device cookie) has a quota of its own: an attacker
/// who uses up the account's quota cannot stop its owner from getting a link.
/// </summary>
public sealed class PasswordResetMailer(
    PasswordResetRequests requests,
    IServiceScopeFactory scopes,
    RedisBudget budget,
    ILogger<PasswordResetMailer> logger) : BackgroundService
{
    public const int MailsPerHour = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
                var account = await users.FindByEmailAsync(request.Email);
                if (account is null || !await WithinQuotaAsync(account.Id, request.TrustedDeviceId))
                {
                    continue;
                }

                scope.ServiceProvider.GetRequiredService<AccountEmails>().QueuePasswordReset(account);
                await scope.ServiceProvider.GetRequiredService<SsoDbContext>().SaveChangesAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "A password reset e-mail could not be queued");
            }
        }
    }

    private async Task<bool> WithinQuotaAsync(string accountId, string? trustedDeviceId)
    {
        var key = trustedDeviceId is null ? $"sso:reset-mails:{accountId}" : $"sso:reset-mails:{accountId}:device:{trustedDeviceId}";
        return (await budget.TryTakeAsync(key, MailsPerHour, TimeSpan.FromHours(1))).Taken;
    }
}
