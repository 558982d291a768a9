using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Support;

/// <summary>Asks the portal API (<c>/api/portal/me</c>) whether it accepts a token, as a client would notice.</summary>
public static class PortalApiProbe
{
    /// <summary>The claims every minted access token needs: the subject and its SSO session.</summary>
    public static Claim[] SessionClaims(string sub, string sid) => [new("sub", sub), new("sid", sid)];

    public static async Task AssertAcceptedAsync(WebApplicationFactory<Program> api, string token)
    {
        using var browser = new SsoDriver(api);
        var me = await browser.GetMeAsync(token);
        Assert.True(me.Status == HttpStatusCode.OK, $"the control token must be accepted: {me}");
    }

    public static async Task AssertRefusedAsync(WebApplicationFactory<Program> api, string token)
    {
        using var browser = new SsoDriver(api);
        var me = await browser.GetMeAsync(token);
        Assert.True(me.Status == HttpStatusCode.Unauthorized, $"expected 401 for {token[..Math.Min(60, token.Length)]}…, got {me}");
    }
}
