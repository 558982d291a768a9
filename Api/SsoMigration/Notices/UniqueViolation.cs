using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Notices;

/// <summary>Whether a save failed on a unique index: for a notice, proof that another replica sent it first.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqlServerDuplicateKey = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKey or SqlServerUniqueConstraint,
        _ => false,
    };
}
