using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Identity;

/// <summary>Schema step 7: identity is issuer and subject, and an API key has an owner.</summary>
/// <remarks>
/// Additive. <c>api_keys.owner</c> is the owner's principal key; keys stored before it have none and act as their own
/// principal (<c>apikey:{id}</c>). <c>reviews.reviewer</c> holds the reviewer's principal key from now on, with the
/// subject shown to people in <c>reviewer_name</c> and the verified e-mail in <c>reviewer_email</c>, so that one
/// person reviewing by token and by key counts once. The <c>requester</c> columns of approvals and grants hold the
/// principal key for new rows; an old row keeps the bare subject it had and so matches no new caller's lookup: an
/// approval or grant made before the upgrade has to be asked for again rather than be honoured for the wrong person.
/// From this version on every key, approval and grant row is sealed into the audit chain; the upgrade seals the rows
/// already there (see <c>RowAdoption</c>).
/// </remarks>
internal static class PrincipalSchema
{
    public const int Version = 7;

    private static readonly (string Table, string Column)[] Columns =
    [
        ("api_keys", "owner"), ("reviews", "reviewer_name"), ("reviews", "reviewer_email"),
    ];

    /// <summary>Adds the columns a file lacks (ALTER TABLE has no IF NOT EXISTS), inside the upgrade's transaction.</summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var (table, column) in Columns)
        {
            command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} TEXT";
                command.ExecuteNonQuery();
            }
        }
    }
}
