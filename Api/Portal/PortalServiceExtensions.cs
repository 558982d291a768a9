using Api.Portal.AccessRequests;
using Api.Portal.Branding;
using Api.Portal.LegacyLogin;
using Api.Portal.PasswordSetup;
using Api.Portal.Tickets;
using Api.Sso.Accounts;

namespace Api.Portal;

public static class PortalServiceExtensions
{
    /// <summary>The portal's services, and its answers to the SSO's questions about end users.</summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IProductUserDirectory, PortalUserDirectory>();
        builder.Services.AddScoped<PasswordSetupEmails>();
        builder.Services.AddScoped<TicketEmails>();
        builder.Services.AddScoped<OwnerConsent>();
        builder.Services.AddScoped<PartnerSteward>();
        builder.Services.AddScoped<AccessRequestEmails>();
        builder.Services.AddSingleton<TicketLimits>();
        builder.Services.AddOptions<TicketLimitOptions>().BindConfiguration(TicketLimitOptions.SectionName);
        builder.Services.AddScoped<SupportAddressConfirmation>();
        builder.Services.AddScoped<EndUserWebhooks>();
        builder.Services.AddScoped<IAccountMilestoneListener, EndUserMilestoneWebhooks>();
        builder.Services.AddScoped<Api.Webhooks.IWebhookPartnerContacts, PortalWebhookContacts>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapLegacyLoginApi();
        app.MapPortalApi();
        app.MapLogoApi();
        app.MapSupportAddressConfirmationApi();
        app.MapPasswordSetupApi();
        app.MapPortalTicketsApi();
        app.MapAccessRequestsApi();
        return app;
    }
}
