using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Export;

namespace Gatehouse.Export.Tests.Support;

/// <summary>A real SQLite store in a temporary directory, deleted on dispose.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private TempStore(string directory, SqliteStore store)
    {
        Directory = directory;
        Store = store;
        Cursors = new SqliteExportCursorStore(store);
    }

    public string Directory { get; }

    public SqliteStore Store { get; }

    public SqliteExportCursorStore Cursors { get; }

    public string DatabasePath => Path.Combine(Directory, "gatehouse.db");

    public static TempStore Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gatehouse-export-").FullName;
        return new TempStore(directory, SqliteStore.Open(Path.Combine(directory, "gatehouse.db")));
    }

    public async Task AppendAsync(IReadOnlyList<AuditEntryDraft> drafts)
    {
        foreach (var chunk in drafts.Chunk(500))
        {
            await Store.AppendAsync(chunk, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
