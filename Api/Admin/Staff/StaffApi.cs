using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/me", GetStaffMe)
            .WithName("GetStaffMe")
            .WithSummary("Who is signed in to the admin area: name, role and partner (none for a platform operator).");
        return admin;
    }

    public static async Task<Ok<StaffMe>> GetStaffMe(StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var partnerName = staff.PartnerId is { } partnerId
            ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Ok(new StaffMe(staff.Name, staff.Email, staff.Role, staff.PartnerId, partnerName, staff.CanManage));
    }
}

public sealed record StaffMe(string Name, string Email, string Role, Guid? PartnerId, string? PartnerName, bool CanManage);
