namespace Api.Admin.Staff;

public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/me", GetStaffMe.HandleAsync)
            .WithName("GetStaffMe")
            .WithSummary("Who is signed in to the admin area: name, role and partner (none for a platform operator).");
        return admin;
    }
}
