using Gatehouse.Export.Cursors;
using Gatehouse.Storage.Relational.Export;
using Gatehouse.Storage.Postgres.Database;

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
        return _database.RunAsync((c, ct) => ExportCursorRows.ReadAsync(c, sink, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.RunAsync((c, ct) => ExportCursorRows.SaveAsync(c, sink, sequence, at, ct), cancellationToken);
    }
}
