using Api.Audit;
using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Foundation;

/// <summary>
/// Times are UTC in one place (issue 18): every DateTime the model maps is read back as UTC, on
/// both providers, while SQLite keeps the text it always stored, so old rows still sort and compare.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UtcTimeTests(ApiFactory api)
{
    [Fact]
    public void Every_time_of_the_model_on_both_providers_is_read_as_UTC()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        foreach (var db in new AppDbContext[] { sqlServer, sqlite })
        {
            var times = db.Model.GetEntityTypes()
                .SelectMany(e => e.GetProperties())
                .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?))
                .ToList();

            // Nullable ones too (LastLoginAt, SentAt, …), and Identity's and OpenIddict's.
            Assert.Contains(times, p => p.ClrType == typeof(DateTime?));
            Assert.Contains(times, p => p.DeclaringType.ClrType == typeof(AuditEvent) && p.Name == nameof(AuditEvent.At));
            Assert.All(times, p => Assert.IsType<UtcDateTimeConverter>(p.GetValueConverter()));
        }
    }

    [Fact]
    public async Task Sqlite_stores_the_same_text_as_before_and_still_filters_and_sorts_by_time()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var target = $"utc-{Guid.NewGuid():N}"[..32];
        var morning = new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc).AddTicks(5_000_000);
        var noon = new DateTime(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
        // Written by older code with no kind: stored and read as the same UTC time.
        var evening = new DateTime(2026, 12, 6, 18, 30, 0, DateTimeKind.Unspecified);
        foreach (var at in new[] { noon, morning, evening })
        {
            db.AuditEvents.Add(new AuditEvent { At = at, ActorId = "system", ActorName = "System", Action = "test.time", TargetType = "test", TargetId = target });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.Database
            .SqlQuery<string>($"SELECT \"At\" AS \"Value\" FROM \"AuditEvents\" WHERE \"TargetId\" = {target} ORDER BY \"At\"")
            .ToListAsync();
        Assert.Equal(["2026-12-06 08:00:00.5", "2026-12-06 12:00:00", "2026-12-06 18:30:00"], stored);

        var since = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
        var read = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == target && e.At >= since)
            .OrderByDescending(e => e.At)
            .Select(e => e.At)
            .ToListAsync();
        Assert.Equal([evening, noon], read);
        Assert.All(read, at => Assert.Equal(DateTimeKind.Utc, at.Kind));
        Assert.Equal(DateTimeKind.Utc, (await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == target).MaxAsync(e => e.At)).Kind);
    }
}
