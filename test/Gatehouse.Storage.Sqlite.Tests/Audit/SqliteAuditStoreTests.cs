using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

public sealed class SqliteAuditStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Open_NewPath_CreatesDirectoryWalDatabaseAndSchemaVersion()
    {
        await using (_database.Open())
        {
            using var raw = _database.OpenRaw();
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT max(version) FROM schema_version";
            Assert.Equal((long)Database.Schema.CurrentVersion, command.ExecuteScalar());
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", command.ExecuteScalar());
        }

        Assert.True(File.Exists(_database.Path));
    }

    [Fact]
    public async Task Append_TwoBatches_AssignsContiguousSequencesAndMovesHead()
    {
        await using var store = _database.Open();

        var first = await store.AppendAsync([Intent("ex-1"), Outcome("ex-1")], Token);
        var second = await store.AppendAsync([Intent("ex-2"), Intent("ex-3"), Outcome("ex-2")], Token);

        Assert.Equal([1L, 2, 3, 4, 5], first.Concat(second).Select(e => e.Sequence));
        Assert.Equal(first[1].Hash, second[0].PrevHash);
        var head = await store.GetHeadAsync(Token);
        Assert.Equal(5, head!.Sequence);
        Assert.Equal(second[^1].Hash, head.Hash);
    }

    [Fact]
    public async Task Append_Reopened_ReadsBackIdenticalEntriesThatVerify()
    {
        IReadOnlyList<AuditEntry> written;
        await using (var store = _database.Open())
        {
            written = await store.AppendAsync([Intent("ex-1"), Outcome("ex-1"), Intent("ex-2")], Token);
        }

        await using var reopened = _database.Open();
        var read = new List<AuditEntry>();
        await foreach (var entry in reopened.ReadAllAsync(Token))
        {
            read.Add(entry);
        }

        Assert.Equal(written.Select(e => Convert.ToHexString(e.Hash)), read.Select(e => Convert.ToHexString(e.Hash)));
        Assert.Equal(written.Select(e => e.Index), read.Select(e => e.Index));
        Assert.Equal(written.Select(e => e.Time), read.Select(e => e.Time));
        Assert.All(read, e => Assert.Equal(e.Hash, AuditChain.ComputeHash(e)));
        Assert.True((await new AuditVerifier(reopened).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Append_EmptyBatch_WritesNothing()
    {
        await using var store = _database.Open();

        var committed = await store.AppendAsync([], Token);

        Assert.Empty(committed);
        Assert.Null(await store.GetHeadAsync(Token));
    }

    [Fact]
    public async Task GetExchange_WithOutcome_MergesBothHalves()
    {
        await using var store = _database.Open();
        await store.AppendAsync([Intent("ex-1"), Intent("ex-2"), Outcome("ex-1")], Token);

        var done = await store.GetExchangeAsync("ex-1", Token);
        var inFlight = await store.GetExchangeAsync("ex-2", Token);

        Assert.Equal("Explain this stack trace", done!.Intent.Prompt);
        Assert.Equal("It is a null reference", done.Outcome!.Response);
        Assert.Equal(200, done.Outcome.Status);
        Assert.Equal("read_file", Assert.Single(done.Outcome.ToolCalls).Name);
        Assert.Equal((1L, 3L), (done.IntentSequence, done.OutcomeSequence!.Value));
        Assert.False(done.Interrupted);
        Assert.Null(inFlight!.Outcome);
        Assert.Null(await store.GetExchangeAsync("ex-missing", Token));
    }

    [Fact]
    public async Task RecoverInterrupted_OpenIntents_ClosesEachOnceAndChainStillVerifies()
    {
        await using var store = _database.Open();
        await store.AppendAsync([Intent("ex-1"), Intent("ex-2"), Outcome("ex-1"), Intent("ex-3")], Token);

        var recovered = await store.RecoverInterruptedAsync(Exchanges.Start.AddMinutes(5), Token);
        var again = await store.RecoverInterruptedAsync(Exchanges.Start.AddMinutes(6), Token);

        Assert.Equal((2, 0), (recovered, again));
        var interrupted = await store.GetExchangeAsync("ex-2", Token);
        Assert.True(interrupted!.Interrupted);
        Assert.Equal(AuditEntryCodec.InterruptedFailure, interrupted.Outcome!.Failure);
        Assert.Equal(5, interrupted.OutcomeSequence);
        Assert.False((await store.GetExchangeAsync("ex-1", Token))!.Interrupted);
        var verification = await new AuditVerifier(store).VerifyAsync(Token);
        Assert.True(verification.IsIntact);
        Assert.Equal(6, verification.EntriesChecked);
    }

    [Fact]
    public async Task ProbeWritable_WritableFile_IsTrueAndLeavesNoTrace()
    {
        await using var store = _database.Open();

        Assert.True(await store.ProbeWritableAsync(Token));
        Assert.True(await store.ProbeWritableAsync(Token));
        Assert.Null(await store.GetHeadAsync(Token));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ProbeWritable_ReadOnlyFile_IsFalseAndAppendFailsAsReadOnly()
    {
        await using (var setup = _database.Open())
        {
            await setup.AppendAsync([Intent("ex-1")], Token);
        }

        using var readOnly = new ReadOnlyFile(_database.Path);
        await using var store = _database.Open();

        Assert.False(await store.ProbeWritableAsync(Token));
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync([Intent("ex-2")], Token));
        Assert.Equal(StoreFailure.ReadOnly, error.Failure);
        Assert.NotNull(await store.GetExchangeAsync("ex-1", Token));
    }

    [Fact]
    public async Task Append_LockedByAnotherConnection_FailsAsBusySoonAfterTheBusyTimeout()
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _database.Path, BusyTimeout = TimeSpan.FromMilliseconds(200) });
        using var other = _database.OpenRaw();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync([Intent("ex-1")], Token));

        // The provider's own retry loop (30 s by default) must not outlast the configured busy timeout; the bound is
        // a hundred times that timeout, for a loaded machine, and still well short of the provider's.
        Assert.Equal(StoreFailure.Busy, error.Failure);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"the append took {started.Elapsed} to fail");
    }

    [Fact]
    public void Open_ParentIsAFile_FailsAsCannotOpen()
    {
        Directory.CreateDirectory(_database.Directory);
        var file = Path.Combine(_database.Directory, "not-a-directory");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<StoreUnavailableException>(() => SqliteStore.Open(Path.Combine(file, "gatehouse.db")));

        Assert.Equal(StoreFailure.CannotOpen, error.Failure);
    }

    [Fact]
    public void Open_FileIsNotADatabase_FailsAsCorruptWithoutContent()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.Path)!);
        File.WriteAllText(_database.Path, new string('s', 4096));

        var error = Assert.Throws<StoreUnavailableException>(() => _database.Open());

        Assert.Equal(StoreFailure.Corrupt, error.Failure);
        Assert.DoesNotContain("sss", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SchemaFromNewerVersion_FailsAsUnsupported()
    {
        await using (_database.Open())
        {
        }

        _database.Execute("UPDATE schema_version SET version = 99");

        Assert.Equal(StoreFailure.UnsupportedSchema, Assert.Throws<StoreUnavailableException>(() => _database.Open()).Failure);
    }

    private static AuditEntryDraft Intent(string id) => AuditEntryCodec.ForIntent(Exchanges.Intent(id), Exchanges.Start);

    private static AuditEntryDraft Outcome(string id) =>
        AuditEntryCodec.ForOutcome(Exchanges.Outcome(id), Exchanges.Start.AddSeconds(2));
}
