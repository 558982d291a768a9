using Api.Portal;
using Api.SsoMigration.Batches;

namespace Benchmarks.Seeding;

/// <summary>
/// One staff partner's migration so far, as an operator would have run it: the clients with
/// migrated users were moved by completed batches ("waves") of up to twenty clients each, run one
/// evening apiece over the last ~300 days, the latest two days ago (its funnel still settling, and
/// too recent for the reminders and the digest, which start on day 3 and day 7: the Api mails no
/// one while it is measured); the clients nobody of which moved wait in the partner's next wave,
/// fifteen days ahead (past the two-week notice lead, so no Upcoming notice is due either).
/// </summary>
public sealed class MigrationWaves
{
    public const string TimeZone = "Europe/London";

    /// <summary>A run takes about an hour: every user's move falls in it (<see cref="MovedAt"/>).</summary>
    public static readonly TimeSpan RunLength = TimeSpan.FromHours(1);

    private const int ClientsPerWave = 20;

    private readonly MigrationBatch?[] waveOfClient;

    /// <param name="hasMigratedUsers">Whether any user of the client at this index is migrated (the crowd decides).</param>
    public MigrationWaves(string partnerName, IReadOnlyList<Client> clients, Func<int, bool> hasMigratedUsers, DateTime now)
    {
        var moved = Enumerable.Range(0, clients.Count).Where(hasMigratedUsers).ToList();
        var waiting = Enumerable.Range(0, clients.Count).Where(c => !hasMigratedUsers(c)).ToList();
        var count = (moved.Count + ClientsPerWave - 1) / ClientsPerWave;
        waveOfClient = new MigrationBatch?[clients.Count];
        var completed = new List<MigrationBatch>();
        for (var w = 0; w < count; w++)
        {
            // Evenly spread: the latest (w = count - 1) two days ago, the first ~298 days ago.
            var daysAgo = 2 + (count == 1 ? 0 : (int)Math.Round((count - 1 - w) * 296.0 / (count - 1)));
            var startedAt = now.Date.AddDays(-daysAgo).AddHours(19);
            completed.Add(new MigrationBatch
            {
                Name = $"Wave {w + 1} ({partnerName})",
                ScheduledAt = startedAt,
                TimeZone = TimeZone,
                Status = MigrationBatchStatus.Completed,
                CreatedAt = startedAt.AddDays(-30),
                CreatedBy = "Bench",
                StartedAt = startedAt,
                CompletedAt = startedAt + RunLength,
            });
        }

        // Balanced waves (110 clients in 6 waves: 18 or 19 each), in the clients' order.
        for (var r = 0; r < moved.Count; r++)
        {
            var wave = completed[r * count / moved.Count];
            wave.Clients.Add(new MigrationBatchClient { BatchId = wave.Id, ClientId = clients[moved[r]].Id });
            waveOfClient[moved[r]] = wave;
            // As the run's completion stamps it: the client's users log in with SSO from then on.
            clients[moved[r]].MigratedToSsoAt = wave.CompletedAt;
        }

        Completed = completed;
        if (waiting.Count > 0)
        {
            NextWave = new MigrationBatch
            {
                Name = $"Wave {count + 1} ({partnerName})",
                ScheduledAt = now.Date.AddDays(15).AddHours(19),
                TimeZone = TimeZone,
                CreatedAt = now.AddDays(-7),
                CreatedBy = "Bench",
            };
            NextWave.Clients.AddRange(waiting.Select(c => new MigrationBatchClient { BatchId = NextWave.Id, ClientId = clients[c].Id }));
        }
    }

    /// <summary>The completed waves, the oldest first.</summary>
    public IReadOnlyList<MigrationBatch> Completed { get; }

    /// <summary>The scheduled wave of the clients still on the portal's login; null when every client has moved users.</summary>
    public MigrationBatch? NextWave { get; }

    public IEnumerable<MigrationBatch> All => NextWave is null ? Completed : Completed.Append(NextWave);

    /// <summary>The wave that moved the client at this index (null: it waits for the next wave).</summary>
    public MigrationBatch? WaveOf(int clientIndex) => waveOfClient[clientIndex];

    /// <summary>When the wave moved the <paramref name="ordinal"/>-th user: somewhere in its run, the same each time.</summary>
    public static DateTime MovedAt(MigrationBatch wave, int ordinal) =>
        wave.StartedAt!.Value.AddSeconds(ordinal % (int)RunLength.TotalSeconds);
}
