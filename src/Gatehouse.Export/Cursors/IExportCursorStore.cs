namespace Gatehouse.Export.Cursors;

/// <summary>Keeps each sink's cursor: the last audit sequence its destination accepted, durable across restarts.</summary>
/// <remarks>
/// The exporter saves a cursor only after the destination accepted everything up to it, so after a crash it resumes
/// right after the saved value: events may be sent twice, never skipped. Implementations live beside the audit log
/// (SQLite embedded, PostgreSQL later) so a replica that takes over a sink continues from the same place.
/// </remarks>
public interface IExportCursorStore
{
    /// <summary>Returns the sink's cursor, or 0 when the sink has never delivered anything.</summary>
    Task<long> ReadAsync(string sink, CancellationToken cancellationToken);

    /// <summary>Saves the sink's cursor; completes only once it is durable.</summary>
    Task SaveAsync(string sink, long sequence, DateTimeOffset at, CancellationToken cancellationToken);
}
