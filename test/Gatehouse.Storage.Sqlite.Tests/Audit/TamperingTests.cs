using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>Edits the database file behind the store's back, as someone with file access would, and verifies.</summary>
/// <remarks>The log holds five exchanges: intents at odd sequences 1..9, outcomes at even sequences 2..10.</remarks>
public sealed class TamperingTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = _database.Open();
        for (var i = 1; i <= 5; i++)
        {
            await _store.AppendAsync(
            [
                AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), Exchanges.Start.AddMinutes(i)),
                AuditEntryCodec.ForOutcome(Exchanges.Outcome($"ex-{i}"), Exchanges.Start.AddMinutes(i).AddSeconds(2)),
            ], Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Verify_Untouched_IsIntact()
    {
        var result = await Verify();

        Assert.True(result.IsIntact);
        Assert.Equal((10L, 10L), (result.EntriesChecked, result.BodiesChecked));
    }

    [Theory]
    [InlineData("payload field", """UPDATE audit_entries SET payload = CAST(replace(CAST(payload AS TEXT), '"status":200', '"status":500') AS BLOB) WHERE seq = 4""", 4, AuditProblem.Edited)]
    [InlineData("indexed column", "UPDATE audit_entries SET subject = 'mallory' WHERE seq = 3", 3, AuditProblem.Edited)]
    [InlineData("status column", "UPDATE audit_entries SET status = 403 WHERE seq = 8", 8, AuditProblem.Edited)]
    [InlineData("time", "UPDATE audit_entries SET time_ticks = time_ticks + 1 WHERE seq = 2", 2, AuditProblem.Edited)]
    [InlineData("kind", "UPDATE audit_entries SET kind = 'exchange.interrupted' WHERE seq = 6", 6, AuditProblem.Edited)]
    [InlineData("body", "UPDATE audit_entries SET body = CAST('rewritten prompt' AS BLOB) WHERE seq = 5", 5, AuditProblem.BodyMismatch)]
    [InlineData("body hash", "UPDATE audit_entries SET body_hash = zeroblob(32) WHERE seq = 7", 7, AuditProblem.Edited)]
    [InlineData("middle row deleted", "DELETE FROM audit_entries WHERE seq = 6", 6, AuditProblem.Missing)]
    [InlineData("rows swapped", "UPDATE audit_entries SET seq = -7 WHERE seq = 7; UPDATE audit_entries SET seq = 7 WHERE seq = 8; UPDATE audit_entries SET seq = 8 WHERE seq = -7", 7, AuditProblem.Edited)]
    [InlineData("tail truncated", "DELETE FROM audit_entries WHERE seq >= 9", 9, AuditProblem.HeadMismatch)]
    [InlineData("head rewound", "UPDATE audit_head SET seq = 8", 9, AuditProblem.HeadMismatch)]
    public async Task Verify_Tampered_NamesFirstBadSequence(string tampering, string sql, long firstBad, AuditProblem problem)
    {
        _database.Execute(sql);

        var result = await Verify();

        Assert.False(result.IsIntact, tampering);
        Assert.Equal(firstBad, result.FirstBadSequence);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public async Task Verify_PayloadEdited_IsAnEditSearchWouldShow()
    {
        _database.Execute("""UPDATE audit_entries SET payload = CAST(replace(CAST(payload AS TEXT), '"status":200', '"status":500') AS BLOB) WHERE seq = 4""");

        var shown = await _store.GetExchangeAsync("ex-2", Token);

        Assert.Equal(500, shown!.Outcome!.Status);
        Assert.Equal(4, (await Verify()).FirstBadSequence);
    }

    [Fact]
    public async Task Verify_ForgedRowInsertedWithCopiedHash_NamesTheForgedSequence()
    {
        ShiftUpFrom(5);
        _database.Execute($"INSERT INTO audit_entries SELECT 5, {OtherColumns} FROM audit_entries WHERE seq = 4");

        var result = await Verify();

        Assert.Equal((5L, AuditProblem.Edited), (result.FirstBadSequence!.Value, result.Problem));
    }

    [Fact]
    public async Task Verify_ForgedRowInsertedWithValidHash_NamesTheFirstDisplacedSequence()
    {
        var entries = await ReadAll();
        var forgedDraft = AuditEntryCodec.ForIntent(Exchanges.Intent("ex-forged", subject: "mallory"), Exchanges.Start);
        var forged = AuditChain.Seal(forgedDraft, 5, entries[3].Hash);
        ShiftUpFrom(5);
        using (var raw = _database.OpenRaw())
        using (var transaction = raw.BeginTransaction())
        {
            await AppendStatements.For(raw, transaction).InsertEntriesAsync([forged], transaction, TestContext.Current.CancellationToken);
            transaction.Commit();
        }

        var result = await Verify();

        // The forged entry is self-consistent; the original entry it displaced is the first that no longer holds.
        Assert.Equal((6L, AuditProblem.Edited), (result.FirstBadSequence!.Value, result.Problem));
    }

    [Fact]
    public async Task Verify_BodiesRemovedByRetention_StaysIntact()
    {
        // What retention does: inline bodies (written before parts) are cleared, bodies in parts lose their references.
        _database.Execute("UPDATE audit_entries SET body = NULL WHERE seq <= 4; DELETE FROM audit_entry_parts WHERE seq <= 4");

        var result = await Verify();

        Assert.True(result.IsIntact);
        Assert.Equal((4L, 6L), (result.BodiesRemoved, result.BodiesChecked));
        Assert.Null((await _store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt);
    }

    [Fact]
    public async Task Verify_TailTruncatedAndHeadRewritten_IsUndetectableWithoutCheckpoints()
    {
        // The documented limit of a bare chain: only a signed checkpoint held elsewhere catches this.
        _database.Execute("DELETE FROM audit_entries WHERE seq >= 9; UPDATE audit_head SET seq = 8, hash = (SELECT hash FROM audit_entries WHERE seq = 8)");

        Assert.True((await Verify()).IsIntact);
    }

    private const string OtherColumns =
        "kind, exchange_id, time_ticks, subject, email, connection, model, status, decision, payload, body, body_hash, prev_hash, hash";

    private void ShiftUpFrom(long sequence) =>
        _database.Execute($"UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= {sequence}; UPDATE audit_entries SET seq = seq - 999 WHERE seq >= 1000");

    private Task<AuditVerification> Verify() => new AuditVerifier(_store).VerifyAsync(Token);

    private async Task<List<AuditEntry>> ReadAll()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in _store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
