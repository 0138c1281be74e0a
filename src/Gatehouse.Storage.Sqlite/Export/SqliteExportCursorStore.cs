using Gatehouse.Export.Cursors;
using Gatehouse.Storage.Relational.Export;
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
        return _database.ReadAsync((c, ct) => ExportCursorRows.ReadAsync(c, sink, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sink);
        return _database.WriteAsync((c, ct) => ExportCursorRows.SaveAsync(c, sink, sequence, at, ct), cancellationToken);
    }
}
