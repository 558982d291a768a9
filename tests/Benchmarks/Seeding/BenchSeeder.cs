using System.Diagnostics;
using System.Text.Json;
using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Seeding;

/// <summary>
/// Migrates the bench's empty SQLite file and seeds it, before the Api starts: the bench's SSO
/// users (linked end users with portal access), a platform operator, partners with many end users
/// each (for Manage Users) with their partner admins and their migration history (for the
/// funnel), and legacy users in a scheduled migration batch. Every SSO account shares ONE password hash, computed once with the Api's own hasher, so
/// seeding costs no PBKDF2 per user; big tables are written with <see cref="BulkInsert"/>.
/// </summary>
public static class BenchSeeder
{
    public const string Password = "Bench-Pass-2026!";

    private const string Domain = "bench.test";

    public static async Task<BenchSeed> SeedAsync(IServiceProvider services, Orchestration.BenchOptions options, string workFolder, CancellationToken cancellationToken)
    {
        await services.ApplySchemaAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var users = provider.GetRequiredService<UserManager<SsoAccount>>();
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        var totp = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1");
        var hash = users.PasswordHasher.HashPassword(new SsoAccount(), Password);
        var now = DateTime.UtcNow;
        foreach (var role in new[] { ProductRoles.PortalEndUser, ProductRoles.PlatformOperator })
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var portalRole = (await roles.FindByNameAsync(ProductRoles.PortalEndUser))!.Id;
        var operatorRole = (await roles.FindByNameAsync(ProductRoles.PlatformOperator))!.Id;

        // Accounts the bench signs in with: each its own authenticator secret (the Api accepts each code once per account).
        BenchAccount NewAccount(string email) => new(Guid.NewGuid().ToString(), email, Password, TotpVerifier.NewSecret());
        SsoAccount Account(BenchAccount bench, string name, bool enrolled = true, bool activated = true) => new()
        {
            Id = bench.Id,
            UserName = bench.Email,
            NormalizedUserName = users.NormalizeName(bench.Email),
            Email = bench.Email,
            NormalizedEmail = users.NormalizeEmail(bench.Email),
            DisplayName = name,
            EmailConfirmed = activated,
            PasswordHash = hash,
            SecurityStamp = AccountAdministration.NewStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            ProtectedTotpSecret = enrolled ? totp.Protect(bench.AuthenticatorKey) : null,
            TotpEnrolledAt = enrolled ? now.AddDays(-30) : null,
            CreatedAt = now.AddDays(-30),
        };

        var clock = Stopwatch.StartNew();
        // The portal's users: one partner, one client already on SSO, every user linked to an account.
        var portalPartner = new Partner { Name = "Bench Portal Partner" };
        var portalClient = new Client { Name = "Bench Portal Client", Partner = portalPartner, MigratedToSsoAt = now.AddDays(-60) };
        var staffPartners = options.PartnerSizes.Select((size, i) => new Partner { Name = $"Bench Partner {Label(size)}" }).ToList();
        var operatorAccount = NewAccount($"operator@{Domain}");
        var admins = staffPartners.Select((p, i) => NewAccount($"admin.{Label(options.PartnerSizes[i]).ToLowerInvariant()}@{Domain}")).ToList();
        var migrationPartner = new Partner { Name = "Bench Migration Partner" };
        var migrationClient = new Client { Name = "Bench Migration Client", Partner = migrationPartner };
        db.AddRange(portalPartner, portalClient, migrationPartner, migrationClient);
        db.AddRange(staffPartners);
        var batch = new MigrationBatch
        {
            Name = "Bench wave",
            ScheduledAt = now.AddDays(30),
            TimeZone = "UTC",
            CreatedAt = now,
            CreatedBy = "Bench",
            Clients = [new MigrationBatchClient { ClientId = migrationClient.Id }],
        };
        db.Add(batch);
        db.PartnerStaff.AddRange(staffPartners.Select((p, i) => new PartnerStaff { Partner = p, SsoAccountId = admins[i].Id, Role = ProductRoles.PartnerAdmin }));
        var partnerClients = staffPartners.Select((p, i) => Enumerable.Range(0, Math.Max(1, options.PartnerSizes[i] / 2_500))
            .Select(c => new Client { Name = BenchNames.Company(c), Partner = p }).ToList()).ToList();
        // Each crowd decides its partner's waves (and stamps the moved clients) before anything is saved.
        var crowds = staffPartners.Select((p, i) => new PartnerCrowd(i, options.PartnerSizes[i], p.Name, partnerClients[i], now)).ToList();
        db.AddRange(partnerClients.SelectMany(c => c));
        db.AddRange(crowds.SelectMany(c => c.Waves.All));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var benchUsers = Enumerable.Range(0, options.BenchUsers).Select(i => NewAccount($"user{i:D5}@{Domain}")).ToList();
        var accounts = benchUsers.Select((u, i) => Account(u, $"Bench User {i}"))
            .Concat(admins.Select((a, i) => Account(a, $"Admin {Label(options.PartnerSizes[i])}")))
            .Append(Account(operatorAccount, "Bench Operator"));
        await BulkInsert.RowsAsync(db, accounts, cancellationToken: cancellationToken);
        await BulkInsert.RowsAsync(db, benchUsers.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = portalRole })
            .Append(new IdentityUserRole<string> { UserId = operatorAccount.Id, RoleId = operatorRole }), cancellationToken: cancellationToken);
        await BulkInsert.RowsAsync(db, benchUsers.Select((u, i) => new EndUser
        {
            ClientId = portalClient.Id,
            Email = u.Email,
            DisplayName = $"Bench User {i}",
            MigratedToSso = true,
            MigratedAt = now.AddDays(-30),
            SsoAccountId = u.Id,
            CreatedAt = now.AddDays(-400),
        }), PartnerOf(portalPartner.Id), cancellationToken);
        Console.WriteLine($"  seeded {benchUsers.Count} bench SSO users, {admins.Count} partner admins and an operator in {clock.Elapsed.TotalSeconds:0.0} s");

        for (var p = 0; p < staffPartners.Count; p++)
        {
            clock.Restart();
            var crowd = crowds[p];
            await BulkInsert.RowsAsync(db, crowd.Accounts(hash, totp.Protect(TotpVerifier.NewSecret()), users), cancellationToken: cancellationToken);
            await BulkInsert.RowsAsync(db, crowd.EndUsers(), PartnerOf(staffPartners[p].Id), cancellationToken);
            Console.WriteLine($"  seeded {options.PartnerSizes[p]:N0} end users of {staffPartners[p].Name} ({partnerClients[p].Count} clients) in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
            var results = await BulkInsert.RowsAsync(db, CrowdHistory.Results(crowd), cancellationToken: cancellationToken);
            var milestones = await BulkInsert.RowsAsync(db, CrowdHistory.Milestones(crowd), cancellationToken: cancellationToken);
            var history = clock.Elapsed.TotalSeconds;
            clock.Restart();
            // The Api keeps the tallies with every change; rows written by bulk SQL are counted once here, as after a restore.
            foreach (var wave in crowd.Waves.Completed)
            {
                await FunnelTallyRebuild.RebuildAsync(db, wave.Id, cancellationToken);
            }

            Console.WriteLine($"  seeded its history: {crowd.Waves.Completed.Count} completed wave{(crowd.Waves.Completed.Count == 1 ? "" : "s")}" +
                $"{(crowd.Waves.NextWave is null ? "" : " and the next one")}, " +
                $"{results:N0} results, {milestones:N0} funnel milestones in {history:0.0} s; funnel tallies in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        clock.Restart();
        var legacyHash = LegacyPasswordHash.Create(Password);
        await BulkInsert.RowsAsync(db, Enumerable.Range(0, options.MigrationUsers).Select(i =>
        {
            var (first, last) = BenchNames.Person(i);
            return new EndUser
            {
                ClientId = migrationClient.Id,
                Email = $"{BenchNames.Slug(first)}.{BenchNames.Slug(last)}.{i}@legacy.{Domain}",
                DisplayName = $"{first} {last}",
                LegacyPasswordHash = legacyHash,
                LastLoginAt = now.AddDays(-(i % 60)),
                CreatedAt = now.AddDays(-700 + i % 600),
            };
        }), PartnerOf(migrationPartner.Id), cancellationToken);
        Console.WriteLine($"  seeded {options.MigrationUsers:N0} legacy users in a scheduled batch in {clock.Elapsed.TotalSeconds:0.0} s");

        var usersFile = Path.Combine(workFolder, "bench-users.json");
        await File.WriteAllTextAsync(usersFile, JsonSerializer.Serialize(
            benchUsers.Select(u => new { email = u.Email, password = u.Password, authenticatorKey = u.AuthenticatorKey })), cancellationToken);
        return new BenchSeed(
            benchUsers, usersFile, operatorAccount,
            [.. staffPartners.Select((p, i) => new SeededPartner(Label(options.PartnerSizes[i]), options.PartnerSizes[i], p.Id, admins[i],
                crowds[i].Waves.Completed[^1].Id, crowds[i].MovedBy(crowds[i].Waves.Completed[^1]), crowds[i].NeedsAttention))],
            batch.Id, options.MigrationUsers);
    }

    /// <summary>"5k", "50k", "500k" (or the plain number below 1,000).</summary>
    public static string Label(int size) => size >= 1000 && size % 1000 == 0 ? $"{size / 1000}k" : size.ToString();

    /// <summary>Fills a denormalised EndUsers.PartnerId column when the model has one (the Manage Users index work adds it).</summary>
    private static Func<EndUser, IProperty, (bool, object?)> PartnerOf(Guid partnerId) =>
        (_, property) => property.Name == "PartnerId" ? (true, partnerId) : (false, null);
}
