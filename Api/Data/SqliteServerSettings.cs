using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Api.Data;

/// <summary>
/// SQLite's defaults suit a desktop file, not a server. Every connection the Api opens is set to:
/// <list type="bullet">
/// <item><c>journal_mode=WAL</c> (kept in the file; a no-op once set): readers never block the
/// writer nor it them, and a commit appends to the log instead of rewriting pages through a
/// rollback journal.</item>
/// <item><c>synchronous=NORMAL</c> (per connection): in WAL mode a commit no longer waits for an
/// fsync; the log is synced at checkpoints. A crash of the process loses nothing; a power cut
/// or OS crash can lose the last commits but never corrupts the file (SQLite's documented
/// guarantee). Those commits are codes and sign-in records of that instant, whose users sign in
/// again. The default (FULL) fsyncs each of them, which made the storage, not the code, the
/// limit of every sign-in.</item>
/// <item><c>mmap_size</c> (per connection, up to 2 GB): pages are read from the OS's cache in place
/// instead of copied through a read() call each. A page of 50 users that needs a few thousand rows
/// read here and there (Needs attention of a 500,000-user partner) spent most of its time in those
/// calls. SQLite's documented risk — an I/O error on the file surfaces as a crash, not an error —
/// is the development engine's to take; SQL Server serves production.</item>
/// </list>
/// A writer waiting for another one needs no busy_timeout here: Microsoft.Data.Sqlite retries a
/// busy database until the command timeout (30 s by default).
/// </summary>
public sealed class SqliteServerSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=2147418112;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
