using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

/// <summary>Who is signed in to the admin area: their name, role and partner (none for a platform operator).</summary>
public static class GetStaffMe
{
    public static async Task<Ok<StaffMe>> HandleAsync(StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var partnerName = staff.PartnerId is { } partnerId
            ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return TypedResults.Ok(new StaffMe(staff.Name, staff.Email, staff.Role, staff.PartnerId, partnerName, staff.CanManage));
    }
}

public sealed record StaffMe(string Name, string Email, string Role, Guid? PartnerId, string? PartnerName, bool CanManage);
