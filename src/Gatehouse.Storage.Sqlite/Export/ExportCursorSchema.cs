namespace Gatehouse.Storage.Sqlite.Export;

/// <summary>Schema step 5: each export sink's durable cursor, the last audit sequence its destination accepted.</summary>
/// <remarks>Written with IF NOT EXISTS so the step applies on top of whichever earlier version the file has.</remarks>
internal static class ExportCursorSchema
{
    public const int Version = 5;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS export_cursors (
            sink TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            updated_ticks INTEGER NOT NULL);
        """;
}
