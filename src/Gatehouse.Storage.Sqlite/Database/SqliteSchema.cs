using Gatehouse.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Database;

/// <summary>The embedded file's schema, read and migrated without opening the store (so a dry run changes nothing).</summary>
internal sealed class SqliteSchema(SqliteStoreOptions options) : IStoreSchema
{
    /// <inheritdoc />
    public int CurrentVersion => Schema.CurrentVersion;

    /// <inheritdoc />
    public string Location => Path.GetFullPath(options.Path);

    /// <inheritdoc />
    public Task<int> ReadVersionAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Location))
        {
            return Task.FromResult(0);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = Location, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return Task.FromResult(Schema.ReadVersion(connection));
        }
        catch (SqliteException error)
        {
            throw SqliteFailures.ToUnavailable(error);
        }
    }

    /// <inheritdoc />
    public async Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken)
    {
        var from = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        if (from > CurrentVersion)
        {
            throw new StoreUnavailableException(StoreFailure.UnsupportedSchema);
        }

        // Opening the database applies every missing step in one transaction, with the file modes a new store gets.
        var database = SqliteDatabase.Open(options);
        await database.DisposeAsync().ConfigureAwait(false);
        return new SchemaMigration(from, CurrentVersion);
    }
}
