using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Sso.Products;

/// <summary>
/// The SSO with two more products beside the portal SPA: the RMM console (confidential, as the
/// AppHost configures it) and a second product that the tests' sessions do not sign in to; both
/// receive back-channel logouts at a <see cref="BackChannelReceiver"/> on a real socket.
/// </summary>
public sealed class ProductsApiFactory : SsoApiFactory
{
    public const string Rmm = "rmm-console";
    public const string RmmSecret = "test-only-rmm-console-secret-0123456789abcdef";
    public const string RmmRedirectUri = "https://rmm.example/signin-oidc";
    public const string Other = "other-product";

    public BackChannelReceiver Receiver { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Product(builder, Rmm, "RMM Console", "Confidential", "rmm-api", RmmRedirectUri, ["rmm-technician", "rmm-admin"], RmmSecret);
        builder.UseSetting($"Sso:Products:{Rmm}:PostLogoutRedirectUris:0", "https://rmm.example/signout-callback-oidc");
        Product(builder, Other, "Other Product", "Public", "other-api", "https://other.example/callback", ["other-user"], secret: null);
    }

    private void Product(IWebHostBuilder builder, string clientId, string name, string type, string audience, string redirectUri, string[] roles, string? secret)
    {
        var at = $"Sso:Products:{clientId}:";
        builder.UseSetting(at + "DisplayName", name);
        builder.UseSetting(at + "Type", type);
        builder.UseSetting(at + "Audience", audience);
        builder.UseSetting(at + "RedirectUris:0", redirectUri);
        builder.UseSetting(at + "BackChannelLogoutUri", Receiver.UriOf(clientId));
        builder.UseSetting(at + "ClientSecret", secret);
        for (var i = 0; i < roles.Length; i++)
        {
            builder.UseSetting(at + $"Roles:{i}", roles[i]);
            builder.UseSetting(at + $"AssignableRoles:{i}", roles[i]);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

[CollectionDefinition(Name)]
public sealed class ProductsCollection : ICollectionFixture<ProductsApiFactory>
{
    public const string Name = "sso-products";
}
