using System.Text.RegularExpressions;
using Api.Audit;
using Api.Portal.AccessRequests;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>The access request an account's owner receives when a partner types their address, and their answer.</summary>
public static class AccessRequestLinks
{
    /// <summary>The token of the newest access request mailed to this address: {origin}access-request?token=….</summary>
    public static async Task<string> LatestTokenAsync(IServiceProvider services, string email)
    {
        var message = (await Mailbox.WaitForAsync(services, email, AccessRequestEmails.RequestKind))[^1];
        var match = Regex.Match(message.TextBody, @"https://localhost/access-request\?token=(?<token>[A-Za-z0-9._~%-]+)");
        Assert.True(match.Success, $"no access-request link in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    /// <summary>The owner, signed in as <paramref name="accountId"/>, accepts the newest request mailed to them.</summary>
    public static async Task AcceptAsync(IServiceProvider services, string email, string accountId)
    {
        var token = await LatestTokenAsync(services, email);
        await using var scope = services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<OwnerConsent>()
            .AcceptAsync(token, accountId, new AuditActor(accountId, "Owner", null), CancellationToken.None);
        Assert.Equal(AccessAnswer.Accepted, answer);
    }
}
