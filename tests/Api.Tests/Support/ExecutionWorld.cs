using Api.Audit;
using Api.Data;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.Tests.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Api.Tests.Support;

/// <summary>
/// One partner with legacy end users and a batch of its clients, scheduled a day ahead of the real
/// clock (so no runner but the test's own ever sees it due), and runners on a fake clock that
/// starts just after the batch's time: the test moves time on (lease expiry) without sleeping.
/// The collection's tests run one after another; a new world cancels the batches earlier tests
/// left scheduled or running, so that its runners find only its own batch due.
/// </summary>
public sealed class ExecutionWorld
{
    private readonly IServiceProvider services;

    private ExecutionWorld(IServiceProvider services, AdminWorld admin, Guid batchId, IReadOnlyList<TestUser> users, DateTime scheduledAt)
    {
        this.services = services;
        Admin = admin;
        BatchId = batchId;
        Users = users;
        Clock = new FakeTimeProvider(new DateTimeOffset(scheduledAt).AddMinutes(1));
    }

    public AdminWorld Admin { get; }

    public Guid BatchId { get; }

    /// <summary>The batch's users, on the legacy login with <see cref="SsoUsers.DefaultPassword"/>.</summary>
    public IReadOnlyList<TestUser> Users { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ExecutionWorld> CreateAsync(IServiceProvider services, int users)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches
                .Where(b => b.Status == MigrationBatchStatus.Scheduled || b.Status == MigrationBatchStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, MigrationBatchStatus.Cancelled));
        }

        var admin = await AdminWorld.CreateAsync(services, clients: 1);
        var created = new List<TestUser>();
        for (var i = 0; i < users; i++)
        {
            created.Add(await SsoUsers.CreateAsync(services, SsoUserState.Legacy, clientId: admin.Clients[0].Id));
        }

        var scheduledAt = DateTime.UtcNow.AddDays(1);
        var batchId = await AddBatchAsync(services, admin.Clients, scheduledAt);
        return new ExecutionWorld(services, admin, batchId, created, scheduledAt);
    }

    /// <summary>A batch of these clients at <paramref name="scheduledAt"/>, written as planning would.</summary>
    public static async Task<Guid> AddBatchAsync(IServiceProvider services, IEnumerable<Client> clients, DateTime scheduledAt)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = new MigrationBatch
        {
            Name = $"Wave {Guid.NewGuid():N}"[..13],
            ScheduledAt = scheduledAt,
            TimeZone = "Europe/Amsterdam",
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Test Operator",
            Clients = [.. clients.Select(c => new MigrationBatchClient { ClientId = c.Id })],
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        return batch.Id;
    }

    /// <summary>A runner as another replica would have: its own lease owner, this world's clock.</summary>
    public BatchRunner Runner() => ActivatorUtilities.CreateInstance<BatchRunner>(services, (TimeProvider)Clock);

    public async Task<MigrationBatch> BatchAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == BatchId);
    }

    public async Task<List<MigrationResult>> ResultsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationResults.AsNoTracking()
            .Where(r => r.BatchId == BatchId).ToListAsync();
    }

    public async Task<MigrationResult> ResultOfAsync(TestUser user) => (await ResultsAsync()).Single(r => r.EndUserId == user.EndUserId);

    /// <summary>The end users' rows, by id.</summary>
    public async Task<Dictionary<Guid, EndUser>> EndUsersAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var ids = Users.Select(u => u.EndUserId).ToList();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EndUsers.AsNoTracking()
            .Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
    }

    /// <summary>How many SSO accounts carry each of the users' e-mails (exactly-once means one each).</summary>
    public async Task<int> AccountCountAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var emails = Users.Select(u => u.Email).ToList();
        return await scope.ServiceProvider.GetRequiredService<AccountAdministration>().Standings.CountAsync(a => emails.Contains(a.Email));
    }

    /// <summary>The audit entries of this world's users and its batch, of one action.</summary>
    public async Task<List<AuditEvent>> AuditAsync(string action)
    {
        await using var scope = services.CreateAsyncScope();
        var targets = Users.Select(u => u.EndUserId.ToString()).Append(BatchId.ToString()).ToList();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && targets.Contains(e.TargetId!)).ToListAsync();
    }

    public async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var account = await users.FindByEmailAsync(email);
        return account is null ? [] : await users.GetRolesAsync(account);
    }

    /// <summary>
    /// What a migrated user does on their first SSO sign-ins, done directly: activates the e-mail
    /// and enrols an authenticator. Returns the user as <see cref="SsoDriver.SignInAsync"/> needs them.
    /// </summary>
    public async Task<TestUser> ActivateAndEnrolAsync(TestUser user)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var account = (await users.FindByEmailAsync(user.Email))!;
        var secret = TotpVerifier.NewSecret();
        account.EmailConfirmed = true;
        account.ProtectedTotpSecret = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1").Protect(secret);
        account.TotpEnrolledAt = DateTime.UtcNow;
        Assert.True((await users.UpdateAsync(account)).Succeeded);
        return new TestUser
        {
            Email = user.Email,
            Password = user.Password,
            DisplayName = user.DisplayName,
            EndUserId = user.EndUserId,
            AccountId = account.Id,
            TotpSecret = secret,
            ClientName = user.ClientName,
            PartnerName = user.PartnerName,
        };
    }
}
