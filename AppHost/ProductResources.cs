using Aspire.Hosting.ApplicationModel;

namespace AppHost;

/// <summary>
/// Other products of the platform on the same sign-in. In Development the app host runs the RMM
/// Console (a stand-in for a product that lives in its own repository) and registers it with the
/// SSO the way any environment would: <c>Sso:Products:rmm-console:*</c> in the Api's configuration,
/// its secret generated here and given to both sides, never written to the repository.
/// </summary>
internal static class ProductResources
{
    private const string RmmClientId = "rmm-console";

    public static IResourceBuilder<ProjectResource> AddRmmConsole(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> api,
        IResourceBuilder<ExecutableResource> webclient)
    {
        // Letters and digits only: the secret travels in a form body or a Basic header, unescaped by
        // people who copy it. 48 characters (the SSO asks for at least 32).
        var clientSecret = builder.AddParameter(ResourceNames.RmmConsoleClientSecret, secret: true, value: new GenerateParameterDefault
        {
            MinLength = 48,
            Special = false,
        });

        // The console needs the issuer's discovery document only at its first sign-in, so it starts
        // alongside the Api (the SSO) and the portal's dev server in front of it, without waiting.
        var console = builder.AddProject<Projects.RmmConsole>(ResourceNames.RmmConsole)
            .WithReference(api)
            .WithEnvironment("Oidc__Authority", webclient.GetEndpoint("http"))
            .WithEnvironment("Oidc__ClientId", RmmClientId)
            .WithEnvironment("Oidc__ClientSecret", clientSecret)
            .WithHttpHealthCheck("/health")
            .WithoutDevelopmentCertificate()
            .WithUrlForEndpoint("http", url => url.DisplayText = "RMM Console");

        var origin = console.GetEndpoint("http");
        const string product = "Sso__Products__" + RmmClientId + "__";
        api.WithEnvironment(product + "DisplayName", "RMM Console")
            .WithEnvironment(product + "Type", "Confidential")
            .WithEnvironment(product + "Audience", "rmm-api")
            .WithEnvironment(product + "ClientSecret", clientSecret)
            .WithEnvironment(product + "RedirectUris__0", ReferenceExpression.Create($"{origin}/signin-oidc"))
            .WithEnvironment(product + "PostLogoutRedirectUris__0", ReferenceExpression.Create($"{origin}/signout-callback-oidc"))
            .WithEnvironment(product + "BackChannelLogoutUri", ReferenceExpression.Create($"{origin}/signout-oidc-backchannel"))
            .WithEnvironment(product + "Roles__0", "rmm-technician")
            .WithEnvironment(product + "Roles__1", "rmm-admin")
            .WithEnvironment(product + "AssignableRoles__0", "rmm-technician")
            .WithEnvironment(product + "AssignableRoles__1", "rmm-admin");
        return console;
    }
}
