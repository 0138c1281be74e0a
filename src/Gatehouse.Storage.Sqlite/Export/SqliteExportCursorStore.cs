using Gatehouse.Export.Cursors;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Export;

/// <summary>Export cursors in the embedded store's database file, one row per sink.</summary>
/// <remarks>
/// Shares the <see cref="SqliteStore"/>'s writer connection; each save is its own commit, as durable as the store's.
/// A save never moves a cursor backwards, so two instances exporting the same sink cannot rewind each other.
/// </remarks>
public sealed class SqliteExportCursorStore : IExportCursorStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteExportCursorStore(SqliteStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _database = store.Database;
    }

    /// <inheritdoc />
    public Task<long> ReadAsync(string sink, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.ReadAsync(
            async (c, ct) =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT seq FROM export_cursors WHERE sink = @sink";
                command.Parameters.AddWithValue("@sink", sink);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long seq ? seq : 0L;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.WriteAsync(
            async (c, ct) =>
            {
                using var command = c.CreateCommand();
                command.CommandText = """
                    INSERT INTO export_cursors (sink, seq, updated_ticks) VALUES (@sink, @seq, @ticks)
                    ON CONFLICT (sink) DO UPDATE SET seq = excluded.seq, updated_ticks = excluded.updated_ticks
                    WHERE excluded.seq > export_cursors.seq
                    """;
                command.Parameters.AddWithValue("@sink", sink);
                command.Parameters.AddWithValue("@seq", sequence);
                command.Parameters.AddWithValue("@ticks", at.UtcTicks);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
