using System.Text;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>
/// <c>durability: process</c>: commits go to the WAL without a sync (synchronous=NORMAL), and the sync timer syncs the
/// log; <c>fsync</c> keeps synchronous=FULL and no timer. In both, the log is copied into the database file off the
/// writer's path, once it has grown by the checkpoint size.
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

        Assert.Equal(expected, await WriterPragmaAsync(store, "synchronous"));
    }

    [Fact]
    public async Task Append_ProcessDurability_InTheLogAtOnce_TheNextTickSyncsTheLogWithoutCopyingIt()
    {
        var store = Open(StoreDurability.Process);
        var writer = new AuditWriter(store, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);
        await using (store)
        await using (writer)
        {
            var written = await writer.RecordIntentAsync(Exchanges.Intent("ex-process-1"), Token);
            Assert.True(written.Success);

            // Committed: visible to a reader, and in the log, but not in the database file.
            Assert.NotNull(await store.GetExchangeAsync("ex-process-1", Token));
            Assert.False(DatabaseFileHolds("ex-process-1"));

            await _clock.UntilArmedAsync("the sync timer to be armed");
            Assert.True(_clock.AdvanceToNextTimer());
            await Eventually.UntilAsync(() => store.Database.Log.LogSyncs == 1, "the tick to sync the log");

            // The tick synced the log alone: copying it into the database file waits for the log to reach its size.
            Assert.False(DatabaseFileHolds("ex-process-1"));
        }
    }

    [Theory]
    [InlineData(StoreDurability.Fsync)]
    [InlineData(StoreDurability.Process)]
    public async Task Open_Durability_TheWriterNeverCheckpoints(StoreDurability durability)
    {
        await using var store = Open(durability);

        Assert.Equal(0, await WriterPragmaAsync(store, "wal_autocheckpoint"));
    }

    [Theory]
    [InlineData(StoreDurability.Fsync)]
    [InlineData(StoreDurability.Process)]
    public async Task Append_AStreamPastTheCheckpointSize_IsCopiedInTheBackground_AndTheLogStaysBounded(StoreDurability durability)
    {
        // Each round adds more than the checkpoint size (1,000 pages; a record of this size adds about ten); a round waits
        // for the checkpoint its pages set off, never for a time. Without a checkpoint the log would hold every round.
        const int Rounds = 4;
        const int RecordsPerRound = 150;
        var prompt = new string('x', 6_000);
        var store = Open(durability);
        var writer = new AuditWriter(store, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);
        var largest = 0L;
        await using (store)
        await using (writer)
        {
            for (var round = 0; round < Rounds; round++)
            {
                for (var i = 0; i < RecordsPerRound; i++)
                {
                    var id = $"ex-round-{round}-{i}";
                    Assert.True((await writer.RecordIntentAsync(Exchanges.Intent(id, prompt: prompt + id), Token)).Success);
                    largest = Math.Max(largest, new FileInfo(_database.Path + "-wal").Length);
                }

                var first = $"ex-round-{round}-0";
                await Eventually.UntilAsync(() => Task.FromResult(DatabaseFileHolds(first)), $"a checkpoint to copy round {round} into the database file");
            }
        }

        // A log that started again after each checkpoint holds at most about two rounds; one never copied holds all four.
        const long Frame = 4_096 + 24;
        Assert.InRange(largest, 1_000 * Frame, 2_600 * Frame);
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

    private static Task<long> WriterPragmaAsync(SqliteStore store, string pragma) =>
        store.Database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }, Token);

    private bool DatabaseFileHolds(string text)
    {
        using var file = new FileStream(_database.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
