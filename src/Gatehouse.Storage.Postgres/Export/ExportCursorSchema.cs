namespace Gatehouse.Storage.Postgres.Export;

/// <summary>Schema step 3: each export sink's durable cursor, the last audit sequence its destination accepted.</summary>
internal static class ExportCursorSchema
{
    public const int Version = 3;

    public const string Sql = """
        CREATE TABLE export_cursors (
            sink text PRIMARY KEY,
            seq bigint NOT NULL,
            updated_ticks bigint NOT NULL)
        """;
}
