using System.Text;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>
/// <c>durability: process</c>: commits go to the WAL without a sync (synchronous=NORMAL), and a checkpoint on the sync
/// timer puts them on disk; <c>fsync</c> keeps synchronous=FULL and no timer.
/// </summary>
public sealed class ProcessDurabilityTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Exchanges.Start);
    private readonly TimerWatch _clock;
    private readonly PlainMeterFactory _meters = new();

    public ProcessDurabilityTests() => _clock = new TimerWatch(_time, _time.Advance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _meters.Dispose();
        _database.Dispose();
    }

    [Theory]
    [InlineData(StoreDurability.Fsync, 2)]
    [InlineData(StoreDurability.Process, 1)]
    public async Task Open_Durability_SetsTheWritersSynchronousMode(StoreDurability durability, long expected)
    {
        await using var store = Open(durability);

        var synchronous = await store.Database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }, Token);

        Assert.Equal(expected, synchronous);
    }

    [Fact]
    public async Task Append_ProcessDurability_InTheLogAtOnce_InTheDatabaseFileAfterTheNextTick()
    {
        var store = Open(StoreDurability.Process);
        var writer = new AuditWriter(store, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);
        await using (store)
        await using (writer)
        {
            var written = await writer.RecordIntentAsync(Exchanges.Intent("ex-process-1"), Token);
            Assert.True(written.Success);

            // Committed: visible to a reader, and in the log, but not yet checkpointed into the database file.
            Assert.NotNull(await store.GetExchangeAsync("ex-process-1", Token));
            Assert.False(DatabaseFileHolds("ex-process-1"));

            await _clock.UntilArmedAsync("the sync timer to be armed");
            Assert.True(_clock.AdvanceToNextTimer());
            await Eventually.UntilAsync(() => Task.FromResult(DatabaseFileHolds("ex-process-1")), "the checkpoint to copy the commit into the database file");
        }
    }

    [Fact]
    public async Task Append_FsyncDurability_RunsNoSyncTimer()
    {
        await using var store = Open(StoreDurability.Fsync);
        var writer = new AuditWriter(store, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);
        await using (writer)
        {
            Assert.True((await writer.RecordIntentAsync(Exchanges.Intent("ex-fsync-1"), Token)).Success);

            // Each commit was synced in the log itself; nothing checkpoints on a timer. A sync timer would be due within
            // the sync interval; the part index follower may be pacing its next pass (a one-shot wait of up to 200 ms
            // on the same clock, armed or not depending on when its wake-ups arrived), which is not what this is about.
            Assert.Equal(0, _clock.Armed(within: Interval));
            Assert.False(DatabaseFileHolds("ex-fsync-1"));
        }
    }

    private SqliteStore Open(StoreDurability durability) => SqliteStore.Open(new SqliteStoreOptions
    {
        Path = _database.Path,
        Durability = durability,
        SyncInterval = Interval,
        TimeProvider = _clock,
    });

    private bool DatabaseFileHolds(string text)
    {
        using var file = new FileStream(_database.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
