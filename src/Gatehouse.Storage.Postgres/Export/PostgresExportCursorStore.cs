using Gatehouse.Export.Cursors;
using Gatehouse.Storage.Postgres.Database;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Export;

/// <summary>Export cursors in the PostgreSQL store's database, one row per sink.</summary>
/// <remarks>
/// Each save is its own commit. A save never moves a cursor backwards (the upsert's condition, evaluated under the
/// row's lock), so two replicas exporting the same sink cannot rewind each other.
/// </remarks>
public sealed class PostgresExportCursorStore : IExportCursorStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresExportCursorStore(PostgresStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _database = store.Database;
    }

    /// <inheritdoc />
    public Task<long> ReadAsync(string sink, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.RunAsync(
            async (c, ct) =>
            {
                using var command = new NpgsqlCommand("SELECT seq FROM export_cursors WHERE sink = @sink", c);
                command.Parameters.AddWithValue("sink", sink);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long seq ? seq : 0L;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.RunAsync(
            async (c, ct) =>
            {
                using var command = new NpgsqlCommand("""
                    INSERT INTO export_cursors (sink, seq, updated_ticks) VALUES (@sink, @seq, @ticks)
                    ON CONFLICT (sink) DO UPDATE SET seq = excluded.seq, updated_ticks = excluded.updated_ticks
                    WHERE excluded.seq > export_cursors.seq
                    """, c);
                command.Parameters.AddWithValue("sink", sink);
                command.Parameters.AddWithValue("seq", sequence);
                command.Parameters.AddWithValue("ticks", at.UtcTicks);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
