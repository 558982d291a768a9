using Api.Infrastructure;
using Api.Portal;
using Microsoft.EntityFrameworkCore;

namespace Api.Development;

/// <summary>Sample partners, clients and end users for local development and QA. Never runs outside Development.</summary>
public static class DevelopmentSeeder
{
    public static async Task SeedDevelopmentDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Partners.AnyAsync(cancellationToken))
        {
            return;
        }

        var contoso = new Partner { Name = "Contoso Managed IT" };
        var fabrikam = new Partner { Name = "Fabrikam MSP" };
        var northwind = new Client { Name = "Northwind Traders", Partner = contoso };
        var tailspin = new Client { Name = "Tailspin Toys", Partner = contoso };
        var adventure = new Client { Name = "Adventure Works", Partner = fabrikam };
        db.AddRange(contoso, fabrikam, northwind, tailspin, adventure);
        db.EndUsers.AddRange(
            new EndUser { Email = "dana.legacy@northwind.test", DisplayName = "Dana Legacy", Client = northwind },
            new EndUser { Email = "sam.adventure@adventure.test", DisplayName = "Sam Adventure", Client = adventure });
        await db.SaveChangesAsync(cancellationToken);
    }
}
