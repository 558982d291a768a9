using Api.Sso.Products;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Api.Tests.Sso.Products;

/// <summary>
/// Issue 10, item 6: a product configured wrongly stops the Api at start with a sentence naming
/// the product and the field, through the same registration the Api uses.
/// </summary>
public sealed class ProductOptionsValidationTests
{
    private const string Secret = "a-confidential-products-secret-0123456789";

    private static readonly Dictionary<string, string?> Rmm = new()
    {
        ["Sso:Products:rmm-console:DisplayName"] = "RMM Console",
        ["Sso:Products:rmm-console:Type"] = "Confidential",
        ["Sso:Products:rmm-console:Audience"] = "rmm-api",
        ["Sso:Products:rmm-console:RedirectUris:0"] = "https://rmm.example/signin-oidc",
        ["Sso:Products:rmm-console:PostLogoutRedirectUris:0"] = "https://rmm.example/signout-callback-oidc",
        ["Sso:Products:rmm-console:BackChannelLogoutUri"] = "https://rmm.example/signout-oidc-backchannel",
        ["Sso:Products:rmm-console:Roles:0"] = "rmm-technician",
        ["Sso:Products:rmm-console:Roles:1"] = "rmm-admin",
        ["Sso:Products:rmm-console:AssignableRoles:0"] = "rmm-admin",
        ["Sso:Products:rmm-console:ClientSecret"] = Secret,
    };

    private static readonly Dictionary<string, string?> Portal = new()
    {
        ["Sso:Products:portal-spa:DisplayName"] = "End User Portal",
        ["Sso:Products:portal-spa:Type"] = "Public",
        ["Sso:Products:portal-spa:Audience"] = "portal-api",
        ["Sso:Products:portal-spa:RedirectUris:0"] = "/portal/callback",
        ["Sso:Products:portal-spa:PostLogoutRedirectUris:0"] = "/",
        ["Sso:Products:portal-spa:Roles:0"] = "portal-end-user",
    };

    [Fact]
    public void A_good_configuration_starts_and_the_catalog_resolves_relative_URIs_against_the_issuer()
    {
        var catalog = Build(With()).GetRequiredService<ProductCatalog>();

        Assert.Equal(["End User Portal", "RMM Console"], catalog.All.Select(p => p.DisplayName));
        var portal = catalog.FindByClientId("portal-spa")!;
        Assert.Equal(new Uri("https://portal.example/portal/callback"), Assert.Single(portal.RedirectUris));
        Assert.Equal(new Uri("https://portal.example/"), Assert.Single(portal.PostLogoutRedirectUris));
        Assert.Equal(["rmm-admin"], catalog.FindByClientId("rmm-console")!.AssignableRoles);
        Assert.Null(catalog.FindByClientId("unknown"));
    }

    [Theory]
    [InlineData("Sso:Products:rmm-console:ClientSecret", null,
        "Sso:Products:rmm-console:ClientSecret is missing or shorter than 32 characters")]
    [InlineData("Sso:Products:rmm-console:ClientSecret", "too-short",
        "Sso:Products:rmm-console:ClientSecret is missing or shorter than 32 characters")]
    [InlineData("Sso:Products:portal-spa:ClientSecret", Secret,
        "Sso:Products:portal-spa:ClientSecret is set on a public product")]
    [InlineData("Sso:Products:rmm-console:RedirectUris:0", "signin-oidc",
        "Sso:Products:rmm-console:RedirectUris:0: \"signin-oidc\" is neither an absolute http(s) URI nor a path")]
    [InlineData("Sso:Products:rmm-console:RedirectUris:0", "http://rmm.example/signin-oidc",
        "Sso:Products:rmm-console:RedirectUris:0: \"http://rmm.example/signin-oidc\" uses http; use https")]
    [InlineData("Sso:Products:rmm-console:BackChannelLogoutUri", "https://rmm.example/logout#here",
        "Sso:Products:rmm-console:BackChannelLogoutUri: \"https://rmm.example/logout#here\" has a fragment")]
    [InlineData("Sso:Products:rmm-console:AssignableRoles:1", "portal-end-user",
        "Sso:Products:rmm-console:AssignableRoles: \"portal-end-user\" is not one of the product's Roles")]
    [InlineData("Sso:Products:rmm-console:Audience", "portal-api",
        "Sso:Products: the products portal-spa and rmm-console share the Audience \"portal-api\"")]
    [InlineData("Sso:Products:rmm-console:Roles:1", "RMM Admin",
        "Sso:Products:rmm-console:Roles: \"RMM Admin\" is not a role name")]
    [InlineData("Sso:Products:rmm-console:DisplayName", "",
        "Sso:Products:rmm-console:DisplayName is missing")]
    public void A_bad_product_stops_the_start_with_a_sentence_naming_it(string key, string? value, string sentence)
    {
        var provider = Build(With((key, value)));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProductOptions>>().Value);

        Assert.Contains(failure.Failures, message => message.StartsWith(sentence, StringComparison.Ordinal));
    }

    [Theory]
    [Trait("ASVS", "4.1.3")]
    [InlineData("platform-operator")]
    [InlineData("partner-admin")]
    [InlineData("partner-technician")]
    [InlineData("portal-end-user")]
    [InlineData("portal-client-manager")]
    public void Another_product_may_not_declare_or_assign_a_platform_role(string role)
    {
        var declared = Build(With(("Sso:Products:rmm-console:Roles:2", role)));
        var assignable = Build(With(("Sso:Products:rmm-console:Roles:2", role), ("Sso:Products:rmm-console:AssignableRoles:1", role)));

        var declaredFailure = Assert.Throws<OptionsValidationException>(() => declared.GetRequiredService<IOptions<ProductOptions>>().Value);
        var assignableFailure = Assert.Throws<OptionsValidationException>(() => assignable.GetRequiredService<IOptions<ProductOptions>>().Value);

        var reserved = $"Sso:Products:rmm-console:Roles: \"{role}\" is reserved for the platform (platform-operator, partner-admin, partner-technician, portal-*); only the portal (portal-spa) may list it.";
        Assert.Contains(declaredFailure.Failures, message => message.StartsWith(reserved, StringComparison.Ordinal));
        Assert.Contains(assignableFailure.Failures, message => message.StartsWith(
            $"Sso:Products:rmm-console:AssignableRoles: \"{role}\" is reserved for the platform", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public void The_portal_carries_the_platform_roles_but_may_not_make_them_assignable()
    {
        // The Api's own appsettings.json: the portal's tokens carry its staff and end-user roles.
        var platformRoles = With(
            ("Sso:Products:portal-spa:Roles:1", "partner-admin"),
            ("Sso:Products:portal-spa:Roles:2", "partner-technician"),
            ("Sso:Products:portal-spa:Roles:3", "platform-operator"));
        var assignable = new Dictionary<string, string?>(platformRoles) { ["Sso:Products:portal-spa:AssignableRoles:0"] = "partner-admin" };

        Assert.Equal(4, Build(platformRoles).GetRequiredService<ProductCatalog>().FindByClientId("portal-spa")!.Roles.Count);
        var failure = Assert.Throws<OptionsValidationException>(() => Build(assignable).GetRequiredService<IOptions<ProductOptions>>().Value);
        Assert.Equal(
            "Sso:Products:portal-spa:AssignableRoles: \"partner-admin\" is reserved for the platform (platform-operator, partner-admin, partner-technician, portal-*) " +
            "and cannot be assignable: the platform grants it itself, never through Home > User Management.",
            Assert.Single(failure.Failures));
    }

    [Fact]
    public void Http_is_allowed_on_localhost_and_when_the_deployment_allows_it()
    {
        var local = Build(With(("Sso:Products:rmm-console:RedirectUris:0", "http://localhost:5180/signin-oidc")));
        var allowed = Build(With(("Sso:Products:rmm-console:RedirectUris:0", "http://rmm.internal/signin-oidc"), ("Identity:AllowHttp", "true")));

        Assert.NotNull(local.GetRequiredService<IOptions<ProductOptions>>().Value);
        Assert.NotNull(allowed.GetRequiredService<IOptions<ProductOptions>>().Value);
    }

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Portal.Concat(Rmm)) { ["Identity:Issuer"] = "https://portal.example/" };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSsoProducts().BuildServiceProvider();
    }
}
