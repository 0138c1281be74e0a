using Gatehouse.Export.Tests.Support;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Export;

namespace Gatehouse.Export.Tests.Cursors;

public sealed class SqliteExportCursorStoreTests
{
    [Fact]
    public async Task ReadAsync_NeverSaved_ReturnsZero()
    {
        await using var temp = TempStore.Create();

        Assert.Equal(0, await temp.Cursors.ReadAsync("siem", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ThenReopen_KeepsEachSinksCursor()
    {
        await using var temp = TempStore.Create();
        await temp.Cursors.SaveAsync("siem", 42, Entries.Time, CancellationToken.None);
        await temp.Cursors.SaveAsync("file", 7, Entries.Time, CancellationToken.None);

        await using var reopened = SqliteStore.Open(temp.DatabasePath);
        var cursors = new SqliteExportCursorStore(reopened);

        Assert.Equal(42, await cursors.ReadAsync("siem", CancellationToken.None));
        Assert.Equal(7, await cursors.ReadAsync("file", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_LowerSequence_NeverMovesTheCursorBack()
    {
        await using var temp = TempStore.Create();
        await temp.Cursors.SaveAsync("siem", 42, Entries.Time, CancellationToken.None);

        await temp.Cursors.SaveAsync("siem", 10, Entries.Time, CancellationToken.None);

        Assert.Equal(42, await temp.Cursors.ReadAsync("siem", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAfterAsync_InBatches_ReturnsEverySequenceOnceInOrder()
    {
        await using var temp = TempStore.Create();
        await temp.AppendAsync(Entries.Mixed(23));

        var seen = new List<long>();
        var cursor = 0L;
        while (await temp.Store.ReadAfterAsync(cursor, 5, CancellationToken.None) is { Count: > 0 } batch)
        {
            Assert.True(batch.Count <= 5);
            seen.AddRange(batch.Select(e => e.Sequence));
            cursor = batch[^1].Sequence;
        }

        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), seen);
    }
}
