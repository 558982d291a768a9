using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Admin.ApiClients;

/// <summary>
/// The Api with an API client's request budget and its failed-authentication limit set low
/// enough for fifty parallel requests to cross them (the shipped numbers are in the options' defaults).
/// </summary>
public sealed class ApiClientLimitsApiFactory : SsoApiFactory
{
    public const int RequestsPerWindow = 30;
    public const int FailedAuthentications = 60;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Admin:ApiClients:RequestsPerWindow", RequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Sso:MachineClients:FailedAuthenticationsPerClient", FailedAuthentications.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
