using System.Net;
using Api.Data;
using Api.Portal;
using Api.SsoMigration.Batches;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>Calls to the migration console as the SPA makes them, and what a test reads back (batches, notices, their e-mails).</summary>
internal static class MigrationCalls
{
    public const string Batches = "/api/admin/migration/batches";

    public const string NoticeMail = "migration-notice";

    /// <summary>A date <paramref name="days"/> ahead, whole minutes, as the SPA sends it.</summary>
    public static DateTimeOffset DaysAhead(double days)
    {
        var at = DateTimeOffset.UtcNow.AddDays(days);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
    }

    /// <summary>Plans a batch of these clients through the API; returns its id.</summary>
    public static async Task<Guid> CreateBatchAsync(
        this StaffLogin @operator, SsoDriver browser, IEnumerable<Client> clients, double daysAhead = 30, string? name = null, string timeZone = "Europe/Amsterdam")
    {
        var answer = await @operator.PostAsync(browser, Batches, new
        {
            name = name ?? $"Wave {Guid.NewGuid():N}"[..15],
            scheduledAt = DaysAhead(daysAhead),
            timeZone,
            clientIds = clients.Select(c => c.Id),
        });
        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        return Guid.Parse(answer.String("id")!);
    }

    public static async Task<List<MigrationNotice>> NoticesAsync(IServiceProvider services, Guid batchId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationNotices.AsNoTracking()
            .Where(n => n.BatchId == batchId)
            .ToListAsync();
    }

    public static async Task<MigrationBatch> BatchAsync(IServiceProvider services, Guid batchId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
    }

    /// <summary>Moves a batch's date without the API, as if time had passed until it is <paramref name="daysAhead"/> away.</summary>
    public static async Task MoveDateAsync(IServiceProvider services, Guid batchId, double daysAhead)
    {
        await using var scope = services.CreateAsyncScope();
        var at = DaysAhead(daysAhead).UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ScheduledAt, at));
    }

    /// <summary>Migration notices e-mailed to one address.</summary>
    public static Task<List<Api.Mail.OutboxMessage>> NoticeMailsAsync(IServiceProvider services, string to) => Mailbox.MessagesAsync(services, to, NoticeMail);
}
