using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal;

public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization();
        portal.MapGet("/me", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in end user's profile.");
        return app;
    }

    public static Ok<Me> GetMe(HttpContext http) =>
        TypedResults.Ok(new Me(http.User.GetUserId() ?? "", http.User.FindFirst("name")?.Value ?? "", http.User.FindFirst("email")?.Value ?? ""));
}

public sealed record Me(string Id, string Name, string Email);
