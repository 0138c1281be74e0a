using Gatehouse.Audit.Verification;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>The writer over a real database file: group commit, durability across a reopen, drain, failure.</summary>
public sealed class AuditWriterDurabilityTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Exchanges.Start);
    private readonly PlainMeterFactory _meters = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _meters.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Record_ManyConcurrentCallers_AllDurableInFewerTransactions()
    {
        var store = _database.Open();
        var counting = new CountingStore(store);
        var writer = new AuditWriter(counting, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            var intent = await writer.RecordIntentAsync(Exchanges.Intent($"ex-{i}"), Token);
            var outcome = await writer.RecordOutcomeAsync(Exchanges.Outcome($"ex-{i}"), Token);
            return (intent, outcome);
        }));
        await writer.DisposeAsync();
        await store.DisposeAsync();

        Assert.All(results, r => Assert.True(r.intent.Success && r.outcome.Success));
        Assert.True(counting.Transactions < 600, $"{counting.Transactions} transactions for 600 appends");
        await using var reopened = _database.Open();
        for (var i = 0; i < results.Length; i++)
        {
            var found = await reopened.GetExchangeAsync($"ex-{i}", Token);
            Assert.Equal(results[i].intent.Sequence, found!.IntentSequence);
            Assert.Equal(results[i].outcome.Sequence, found.OutcomeSequence);
        }

        var verification = await new AuditVerifier(reopened).VerifyAsync(Token);
        Assert.True(verification.IsIntact);
        Assert.Equal(600, verification.EntriesChecked);
    }

    [Fact]
    public async Task Record_StoreRefusesWrites_FailsCallersWithoutContentThenRecovers()
    {
        var store = _database.Open();
        var writer = new AuditWriter(store, new AuditWriterOptions(), _time, _meters, NullLogger<AuditWriter>.Instance);
        await using (writer.ConfigureAwait(false))
        {
            await using (store.ConfigureAwait(false))
            {
                _database.Execute("CREATE TRIGGER refuse BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'refused'); END");
                var failed = await writer.RecordIntentAsync(Exchanges.Intent("ex-1", prompt: "confidential"), Token);
                _database.Execute("DROP TRIGGER refuse");
                var later = await writer.RecordIntentAsync(Exchanges.Intent("ex-2"), Token);

                Assert.False(failed.Success);
                Assert.DoesNotContain("confidential", failed.Error, StringComparison.Ordinal);
                Assert.True(later.Success);
                Assert.Equal(1, later.Sequence);
                Assert.Null(await store.GetExchangeAsync("ex-1", Token));
            }
        }
    }
}
