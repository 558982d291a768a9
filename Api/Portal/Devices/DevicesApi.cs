using Api.Shared.Paging;

namespace Api.Portal.Devices;

/// <summary>
/// The end user's devices as the MSP's agents report them: their own, or every device of their
/// client for a client manager. Another user's or client's device answers 404, as if it did not exist.
/// </summary>
public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder portal)
    {
        portal.MapGet("/devices", ListDevices.HandleAsync)
            .WithName("GetMyDevices")
            .DescribePaging(PageSizeLimits.Standard)
            .WithSummary("One page of the devices the end user may see (theirs; the whole client's for a client manager), by name, with online/offline.");
        portal.MapGet("/devices/{deviceId:guid}", GetDevice.HandleAsync)
            .WithName("GetMyDevice")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One device the end user may see, with the tickets they may see that name it.");
        return portal;
    }
}
