using System.Data.Common;
using Gatehouse.Storage.Relational.Commands;

namespace Gatehouse.Storage.Relational.Export;

/// <summary>Reads and saves one sink's export cursor in <c>export_cursors</c>, on either provider.</summary>
/// <remarks>A save never moves a cursor backwards (the upsert's condition), so two instances cannot rewind each other.</remarks>
internal static class ExportCursorRows
{
    private const string SaveSql = """
        INSERT INTO export_cursors (sink, seq, updated_ticks) VALUES (@sink, @seq, @ticks)
        ON CONFLICT (sink) DO UPDATE SET seq = excluded.seq, updated_ticks = excluded.updated_ticks
        WHERE excluded.seq > export_cursors.seq
        """;

    /// <summary>Returns the sequence exported to <paramref name="sink"/>, 0 when it has none.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, string sink, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM export_cursors WHERE sink = @sink";
        command.Add("@sink", sink);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long seq ? seq : 0L;
    }

    /// <summary>Moves <paramref name="sink"/>'s cursor forward to <paramref name="sequence"/>; returns the rows changed.</summary>
    public static async Task<int> SaveAsync(
        DbConnection connection, string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SaveSql;
        command.Add("@sink", sink);
        command.Add("@seq", sequence);
        command.Add("@ticks", at.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
