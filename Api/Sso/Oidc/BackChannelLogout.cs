using System.Threading.Channels;
using Api.Shared;
using Api.Sso.Products;
using Api.Sso.Sessions;
using OpenIddict.Server;

namespace Api.Sso.Oidc;

/// <summary>A logout token to deliver: one ended session, one product.</summary>
public sealed record BackChannelLogoutDelivery(Product Product, string Sid, string Subject);

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: when an SSO session ends, each product it signed in to
/// that has a <c>BackChannelLogoutUri</c> receives a signed <c>logout_token</c>, so logging out of
/// one product (or a disable, a password reset, an admin's "end sessions") ends the others too.
/// The session store calls this after its change is made (and so after the commit of whatever
/// caused it); delivery happens in the background (<see cref="BackChannelLogoutSender"/>), so a
/// slow or dead product never holds up the user's request.
/// </summary>
public sealed class BackChannelLogout(ProductCatalog catalog, ILogger<BackChannelLogout> logger) : ISessionEndListener
{
    /// <summary>Bounded: a flood of ended sessions with dead products must not grow memory without limit.</summary>
    public const int QueueCapacity = 10_000;

    private readonly Channel<BackChannelLogoutDelivery> queue = Channel.CreateBounded<BackChannelLogoutDelivery>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false });

    public ChannelReader<BackChannelLogoutDelivery> Pending => queue.Reader;

    public void SessionEnded(EndedSession session)
    {
        foreach (var product in session.ClientIds.Select(catalog.FindByClientId))
        {
            if (product?.BackChannelLogoutUri is null)
            {
                continue;
            }

            // Never waits: when the queue is full the product's own session lives on until it expires.
            if (!queue.Writer.TryWrite(new BackChannelLogoutDelivery(product, session.Sid, session.Subject)))
            {
                logger.LogWarning("Back-channel logout queue is full; {ClientId} is not told that session {Sid} ended", product.ClientId, session.Sid);
            }
        }
    }

    /// <summary>Discovery says so, so that products know to register and expect logout tokens.</summary>
    public static ValueTask AdvertiseSupport(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        return ValueTask.CompletedTask;
    }
}

public static class BackChannelLogoutExtensions
{
    public static IServiceCollection AddBackChannelLogout(this IServiceCollection services)
    {
        services.AddSingleton<BackChannelLogout>();
        services.AddSingleton<ISessionEndListener>(provider => provider.GetRequiredService<BackChannelLogout>());
        services.AddSingleton<BackChannelLogoutTokens>();
        if (!OpenApiGeneration.IsRunning)
        {
            services.AddHostedService<BackChannelLogoutSender>();
        }

        return services;
    }
}
