using Api.Shared;
using Api.Sso.Keys;
using Api.Sso.Products;
using Api.Sso.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

public static class OidcServerExtensions
{
    public const string PortalClientId = PortalProduct.ClientId;
    public const string ApiScope = "portal-api";

    /// <summary>
    /// The platform's OpenID Connect provider (OpenIddict): discovery, authorize (code + PKCE
    /// only), token, userinfo, JWKS, end-session and back-channel logout to the products. Access tokens are plain signed JWTs (no
    /// encryption) so any product's API can validate them with standard JWT bearer handling.
    /// </summary>
    public static IHostApplicationBuilder AddOidcServer(this IHostApplicationBuilder builder)
    {
        var issuer = PublicOrigin.Of(builder.Configuration);
        var allowHttp = builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Identity:AllowHttp");

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<SsoDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // Refresh tokens for products allowed to ask (offline_access): rotated at every use
                // (OpenIddict's default), and with no reuse leeway: a used one presented again is a
                // replay that revokes its family (RFC 9700 §4.14.2). The portal keeps its tokens in
                // one tab's memory and refreshes one at a time, so it never reuses one by itself.
                server.AllowRefreshTokenFlow();
                server.SetRefreshTokenReuseLeeway(null);
                // S256 only: "plain" PKCE protects nothing if the authorize request is seen.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // Plus each product's audience as a scope (below, from the configured products).
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, Claims.AuthenticationTime, "sid", "amr");
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(5));
                server.SetIdentityTokenLifetime(TimeSpan.FromMinutes(5));
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                server.DisableAccessTokenEncryption();
                server.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler =>
                    handler.UseInlineHandler(BackChannelLogout.AdvertiseSupport));
                server.AddEventHandler(SelfContainedTokens.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.RedeemTokenEntry.Descriptor);
                server.AddEventHandler(SingleUseRedemption.Descriptor);
                server.AddEventHandler(RefreshTokenReplay.Descriptor);
                server.AddEventHandler(RefreshTokenSession.Descriptor);
                server.AddEventHandler(NoIdentityTokenOnRefresh.Descriptor);
                server.AddEventHandler(RejectedRequestLog.AuthorizationDescriptor);
                server.AddEventHandler(RejectedRequestLog.TokenDescriptor);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (allowHttp)
                {
                    // Development serves plain http on localhost (a secure context for browsers).
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        // Keys come from the ring in SQL (shared by replicas, rotated), not from certificates
        // regenerated per process.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<SigningKeyRing>((options, ring) =>
        {
            foreach (var key in ring.SigningKeys)
            {
                options.SigningCredentials.Add(SigningKeyRing.CredentialsFor(key));
            }

            foreach (var key in ring.EncryptionKeys)
            {
                options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        });
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ProductOptions>>((options, products) =>
            options.Scopes.UnionWith(products.Value.Products.Values.Select(product => product.Audience).OfType<string>()));
        // A refresh token lives no longer than an idle SSO session; each refresh slides both.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<SsoSessionOptions>>((options, sessions) =>
            options.RefreshTokenLifetime = sessions.Value.IdleTimeout);
        builder.Services.AddHostedService<OidcKeyFollower>();
        builder.Services.AddSingleton<ApplicationIds>();
        builder.Services.AddScoped<StandingAuthorizations>();
        builder.Services.AddScoped<RefreshTokenFamily>();
        builder.Services.AddBackChannelLogout();
        return builder;
    }

    /// <summary>
    /// OpenIddict reads its keys once into its options; when the ring changes (a rotation, or a
    /// key another replica made), its cached options are dropped so the next request rebuilds them.
    /// </summary>
    private sealed class OidcKeyFollower(SigningKeyRing ring, IOptionsMonitorCache<OpenIddictServerOptions> cache) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ring.Changed += Refresh;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            ring.Changed -= Refresh;
            return Task.CompletedTask;
        }

        private void Refresh() => cache.TryRemove(Options.DefaultName);
    }
}
