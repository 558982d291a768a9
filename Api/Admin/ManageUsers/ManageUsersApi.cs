using Api.Shared.Paging;

namespace Api.Admin.ManageUsers;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users, the reading side: the clients,
/// the end-user list with its Migrated to SSO column (searched, filtered, sorted and paged in
/// SQL), its CSV export and one user's detail. Everything is scoped to the caller's partner.
/// </summary>
public static class ManageUsersApi
{
    public static RouteGroupBuilder MapManageUsersApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/clients", ListClients.HandleAsync)
            .WithName("GetClients")
            .WithSummary("The clients the caller manages, by name, with how many of their end users are migrated to SSO.");
        admin.MapGet("/end-users", ListEndUsers.HandleAsync)
            .WithName("GetEndUsers")
            .DescribeEndUserQuery()
            .DescribePaging(PageSizeLimits.Standard)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One page of end users: searched, filtered and sorted, with their SSO state and whether sign-in is locked.");
        admin.MapGet("/end-users/export.csv", ExportEndUsers.HandleAsync)
            .WithName("ExportEndUsers")
            .DescribeEndUserQuery()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every end user the same search and filters find, as a CSV file.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        admin.MapGet("/end-users/{id:guid}", GetEndUser.HandleAsync)
            .WithName("GetEndUser")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One end user, with the last e-mails sent to them and whether each was delivered.");
        return admin;
    }
}
