using Api.Data;
using Api.Shared;
using Api.SsoMigration;
using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Development;

/// <summary>
/// The development accounts listed in README.md, for local work and QA, and what the portal
/// shows them (<see cref="DevelopmentPortalContent"/>). Runs only in the Development environment:
/// the accounts only into an empty database, the portal content only where there is none yet.
/// </summary>
public static class DevelopmentSeeder
{
    public const string Password = "Portal-Pass-2026!";

    /// <summary>Shared by every enrolled development account. Development only.</summary>
    public const string TotpSecret = "JBSWY3DPEHPK3PXP";

    public static async Task SeedDevelopmentDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        if (!await db.Partners.AnyAsync(cancellationToken))
        {
            await SeedAccountsAsync(provider, db, cancellationToken);
        }

        await DevelopmentPortalContent.SeedAsync(db, cancellationToken);
    }

    /// <summary>Keeps the development devices that should be online checking in (Development, with seed data, only).</summary>
    public static IHostApplicationBuilder AddDevelopmentAgents(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue("Seed:DevelopmentData", true) && !OpenApiGeneration.IsRunning)
        {
            builder.Services.AddHostedService<DevelopmentAgents>();
        }

        return builder;
    }

    /// <summary>Partners, clients, staff and end users, into an empty database.</summary>
    private static async Task SeedAccountsAsync(IServiceProvider provider, AppDbContext db, CancellationToken cancellationToken)
    {
        var contoso = new Partner { Name = "Contoso Managed IT" };
        var fabrikam = new Partner { Name = "Fabrikam MSP" };
        var northwind = new Client { Name = "Northwind Traders", Partner = contoso };
        var tailspin = new Client { Name = "Tailspin Toys", Partner = contoso };
        var adventure = new Client { Name = "Adventure Works", Partner = fabrikam };
        // A small partner whose one client waits for its migration batch (the migration journey's).
        var litware = new Partner { Name = "Litware Partners" };
        var wingtip = new Client { Name = "Wingtip Toys", Partner = litware };
        // Mixed mode's own partner and client (the early-move journey's batch): users move as they log in.
        var proseware = new Partner { Name = "Proseware IT" };
        var fourthCoffee = new Client { Name = "Fourth Coffee", Partner = proseware };
        // Another one-client partner waiting for its batch: the funnel journey's (moved, activated, signed in).
        var woodgrove = new Partner { Name = "Woodgrove IT" };
        var cohoWinery = new Client { Name = "Coho Winery", Partner = woodgrove };
        db.AddRange(contoso, fabrikam, litware, proseware, woodgrove, northwind, tailspin, adventure, wingtip, fourthCoffee, cohoWinery);

        EndUser User(string email, Client client) => new()
        {
            Email = email,
            DisplayName = NameFrom(email),
            Client = client,
            LegacyPasswordHash = LegacyPasswordHash.Create(Password),
        };
        static EndUser Manager(EndUser user)
        {
            user.Role = EndUserRoles.ClientManager;
            return user;
        }

        var pending = User("alex.pending@northwind.test", northwind);
        // The passkey journey's own user (end-to-end tests): activates, then adds a passkey.
        var passkeyPending = User("pia.passkey@northwind.test", northwind);
        // The passkey management journeys' own users: one removes a passkey, one has hers reset by the partner.
        var passkeyRemoves = User("rhea.removes@northwind.test", northwind);
        var passkeyReset = User("reza.reset@northwind.test", northwind);
        var enrolled = new[]
        {
            User("erin.enrolled@northwind.test", northwind),
            // The ticket journeys' own users (end-to-end tests): no other journey touches them.
            User("tina.tickets@northwind.test", northwind),
            Manager(User("carl.manager@northwind.test", northwind)),
            User("grace.reset@tailspin.test", tailspin),
            User("henry.enrolled@adventure.test", adventure),
            User("mia.mfareset@tailspin.test", tailspin),
        };
        db.EndUsers.AddRange([
            pending, passkeyPending, passkeyRemoves, passkeyReset, .. enrolled,
            User("dana.legacy@northwind.test", northwind), User("sam.legacy@adventure.test", adventure), User("kim.signedin@northwind.test", northwind),
            User("leo.legacy@northwind.test", northwind),
            User("nora.firstsso@wingtip.test", wingtip), User("liam.linked@wingtip.test", wingtip), User("owen.legacy@wingtip.test", wingtip),
            User("oscar.noemail@wingtip.invalid", wingtip),
            User("vera.early@fourthcoffee.test", fourthCoffee), User("walt.onthedate@fourthcoffee.test", fourthCoffee),
            User("quinn.funnel@cohowinery.test", cohoWinery), User("rosa.funnel@cohowinery.test", cohoWinery),
            User("sid.funnel@cohowinery.test", cohoWinery),
        ]);
        var crowd = SeededCrowd.For(northwind, SeededCrowd.NorthwindCycle, 240, "northwind.test")
            .Concat(SeededCrowd.For(tailspin, SeededCrowd.MigratedCycle, 120, "tailspin.test"))
            .ToList();
        db.EndUsers.AddRange(crowd.Select(member => member.User));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica, starting at the same moment, is seeding (the e-mails are unique).
            return;
        }

        var migrator = provider.GetRequiredService<EndUserMigrator>();
        var users = provider.GetRequiredService<UserManager<SsoAccount>>();
        var totp = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1");
        // One PBKDF2 hash of the shared development password for every staff account, not one per
        // account: each costs ~0.1 s of a cold start (development data only; the password is public).
        var passwordHash = users.PasswordHasher.HashPassword(new SsoAccount(), Password);
        await migrator.MigrateAsync(pending.Id, cancellationToken);
        await migrator.MigrateAsync(passkeyPending.Id, cancellationToken);
        await migrator.MigrateAsync(passkeyRemoves.Id, cancellationToken);
        await migrator.MigrateAsync(passkeyReset.Id, cancellationToken);
        foreach (var user in enrolled)
        {
            await migrator.MigrateAsync(user.Id, cancellationToken);
            var account = (await users.FindByEmailAsync(user.Email))!;
            account.EmailConfirmed = true;
            account.ProtectedTotpSecret = totp.Protect(TotpSecret);
            account.TotpEnrolledAt = DateTime.UtcNow;
            await users.UpdateAsync(account);
        }

        await SeededCrowd.MigrateAsync(crowd, db, users, provider.GetRequiredService<RoleManager<IdentityRole>>(), totp.Protect(TotpSecret), cancellationToken);
        // Every Tailspin Toys user is migrated now, so the client counts as migrated (new users start on SSO).
        tailspin.MigratedToSsoAt = DateTime.UtcNow;

        await AddStaffAsync("paula.admin@contoso.test", "Paula Admin", contoso, ProductRoles.PartnerAdmin);
        await AddStaffAsync("tom.technician@contoso.test", "Tom Technician", contoso, ProductRoles.PartnerTechnician);
        await AddStaffAsync("fiona.admin@fabrikam.test", "Fiona Admin", fabrikam, ProductRoles.PartnerAdmin);
        var operatorAccount = await AddAccountAsync("olga.operator@platform.test", "Olga Operator");
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(ProductRoles.PlatformOperator))
        {
            await roles.CreateAsync(new IdentityRole(ProductRoles.PlatformOperator));
        }

        await users.AddToRoleAsync(operatorAccount, ProductRoles.PlatformOperator);
        await AddStaffAsync("lara.admin@litware.test", "Lara Admin", litware, ProductRoles.PartnerAdmin);
        await AddStaffAsync("wendy.admin@woodgrove.test", "Wendy Admin", woodgrove, ProductRoles.PartnerAdmin);

        // Liam already signs in to another product of the platform: migration links, not duplicates.
        var linked = await AddAccountAsync("liam.linked@wingtip.test", "Liam Linked");
        await roles.CreateAsync(new IdentityRole(ProductRoles.RmmTechnician));
        await users.AddToRoleAsync(linked, ProductRoles.RmmTechnician);
        // Paula administers the RMM console too: single sign-on into it, and a role to see in Home > User Management.
        await roles.CreateAsync(new IdentityRole(ProductRoles.RmmAdmin));
        await users.AddToRoleAsync((await users.FindByEmailAsync("paula.admin@contoso.test"))!, ProductRoles.RmmAdmin);
        await db.SaveChangesAsync(cancellationToken);

        async Task AddStaffAsync(string email, string name, Partner partner, string role)
        {
            var staff = await AddAccountAsync(email, name);
            db.PartnerStaff.Add(new PartnerStaff { Partner = partner, SsoAccountId = staff.Id, Role = role });
        }

        async Task<SsoAccount> AddAccountAsync(string email, string name)
        {
            var account = new SsoAccount
            {
                UserName = email,
                Email = email,
                DisplayName = name,
                EmailConfirmed = true,
                ProtectedTotpSecret = totp.Protect(TotpSecret),
                TotpEnrolledAt = DateTime.UtcNow,
                PasswordHash = passwordHash,
            };
            await users.CreateAsync(account);
            return account;
        }
    }

    /// <summary>"alex.pending@…" → "Alex Pending".</summary>
    private static string NameFrom(string email) =>
        string.Join(' ', email.Split('@')[0].Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
