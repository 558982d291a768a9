using Api.Admin.ManageUsers;
using Api.Shared;
using Api.Shared.Paging;
using Api.Sso.Login;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.HomeUsers;

/// <summary>
/// Home &gt; User Management: the partner's people on the platform's single sign-on (its staff, and
/// end users another product had already given a role before their migration) with their roles
/// in each product, which partner admins edit per product. Scoped to the caller's partner.
/// </summary>
public static class HomeUsersApi
{
    public static RouteGroupBuilder MapHomeUsersApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/home-users", ListHomeUsers.HandleAsync)
            .WithName("GetHomeUsers")
            .DescribeEndUserQuery()
            .DescribePaging(PageSizeLimits.Standard)
            .WithSummary("One page of the partner's people on Single Sign-On (staff, and end users with other products' roles), with their product roles.");
        admin.MapPut("/home-users/{personId:guid}/products/{productClientId}/roles", SetHomeUserRoles.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .WithName("SetHomeUserProductRoles")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sets a person's roles in one product (only the roles partner admins may give there); taking one away signs them out everywhere.");
        return admin;
    }
}
