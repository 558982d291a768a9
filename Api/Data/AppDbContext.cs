using Api.Audit;
using Api.Mail;
using Api.Portal;
using Api.Portal.Branding;
using Api.Portal.Devices;
using Api.Portal.Tickets;
using Api.Sso;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Api.SsoMigration.Reminders;
using Api.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Api.Data;

// One model, two providers, composed of every module's tables: the SSO's come from its base
// class; Mail, Audit and one-time links declare theirs with IEntityTypeConfiguration and use the
// context as a plain DbContext (registered in DatabaseExtensions), so they need not know this type.
// One model, two providers. SQLite and SQL Server contexts are siblings that derive from this
// class (not from each other) so that each keeps its own migration set and design-time factory.
public abstract class AppDbContext(DbContextOptions options)
    : SsoDbContext(options), IDataProtectionKeyContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<EndUser> EndUsers => Set<EndUser>();
    public DbSet<PartnerStaff> PartnerStaff => Set<PartnerStaff>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<MigrationBatch> MigrationBatches => Set<MigrationBatch>();
    public DbSet<MigrationResult> MigrationResults => Set<MigrationResult>();
    public DbSet<MigrationNotice> MigrationNotices => Set<MigrationNotice>();
    public DbSet<MigrationReminder> MigrationReminders => Set<MigrationReminder>();
    public DbSet<FunnelMilestone> FunnelMilestones => Set<FunnelMilestone>();
    public DbSet<FunnelTally> FunnelTallies => Set<FunnelTally>();
    public DbSet<FunnelDayTally> FunnelDayTallies => Set<FunnelDayTally>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<PartnerBranding> PartnerBrandings => Set<PartnerBranding>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<Api.Admin.ApiClients.ApiClient> ApiClients => Set<Api.Admin.ApiClients.ApiClient>();

    // The Data Protection key ring lives in SQL so every replica shares it; it protects stored
    // TOTP secrets and signing keys, so losing it would lock every user out.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Times are UTC in one place: every DateTime (and DateTime?) read from either provider is
        // marked UTC here, so no endpoint marks its own.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The SSO's tables first (its base class), then every other module's.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, type => !IsSsoType(type));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EndUserPartnerStamp.Apply(this);
        EndUserEmailStamp.Apply(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await EndUserPartnerStamp.ApplyAsync(this, cancellationToken);
        EndUserEmailStamp.Apply(this);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
