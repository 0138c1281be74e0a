using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Verification;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// A failure between an append's commit and its WAL flush (docs/designs/postgres-store.md, "Locking"): the append
/// commits asynchronously under the head lock, then waits for the flush outside it. When that flush fails, the batch is
/// committed but not known durable, so nobody may be told it is: every caller of the audit writer gets a failure, no
/// entry is written twice, the log verifies, and the next append chains onto the batch.
/// </summary>
/// <remarks>
/// The fault is the server's: the store's schema comes first on its search path, ahead of <c>pg_catalog</c>, and holds
/// a <c>pg_logical_emit_message(boolean, text, text)</c> that shadows the built-in one the flush calls. While the
/// test's switch is on, it raises an error or ends its own backend (the connection lost mid-flush); otherwise it calls
/// the built-in. Nothing in the store is replaced or told about the test.
/// </remarks>
public sealed class PostgresWalFlushFailureTests : IAsyncDisposable
{
    private const int Callers = 6;
    private readonly PostgresProvider _provider = new();
    private readonly PlainMeterFactory _meters = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("RAISE EXCEPTION 'flush failed (injected)'")]
    [InlineData("PERFORM pg_terminate_backend(pg_backend_pid())")]
    public async Task FlushFailsAfterTheCommit_EveryCallerSeesAFailure_NothingTwice_LogVerifies_NextAppendChains(string fault)
    {
        await using var store = await OpenWithFaultAsync(fault);
        await store.AppendAsync(Exchanges.Pair("ex-before"), Token);
        Assert.Equal(2, (await store.GetHeadAsync(Token))!.Sequence);

        await SetFaultAsync(true);
        var writer = new AuditWriter(store, new AuditWriterOptions(), TimeProvider.System, _meters, NullLogger<AuditWriter>.Instance);
        AuditWriteResult[] results;
        await using (writer)
        {
            results = await Task.WhenAll(Enumerable.Range(1, Callers)
                .Select(i => writer.RecordIntentAsync(Exchanges.Intent($"ex-failed-{i}"), Token).AsTask()));
        }

        // Not one acknowledgement: the exchanges these intents belong to are refused.
        Assert.All(results, r => Assert.False(r.Success, $"an intent was acknowledged at sequence {r.Sequence} though its flush failed"));
        Assert.All(results, r => Assert.Equal(0, r.Sequence));

        // The same through the store itself: the append throws rather than returning entries.
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync(Exchanges.Pair("ex-direct"), Token));

        await SetFaultAsync(false);
        var entries = await ReadAllAsync(store);

        // Each batch is in the log whole or not at all, and nothing is written twice (the store never retries).
        var failed = entries.Where(e => e.ExchangeId.StartsWith("ex-failed-", StringComparison.Ordinal)).ToList();
        Assert.True(failed.Count is 0 or Callers, $"{failed.Count} of the {Callers} failed intents are in the log: a batch must be whole or absent");
        Assert.Equal(failed.Count, failed.Select(e => e.ExchangeId).Distinct().Count());
        var direct = entries.Count(e => e.ExchangeId == "ex-direct");
        Assert.True(direct is 0 or 2, $"{direct} of the failed pair's 2 entries are in the log");
        Assert.Equal(entries.Select((_, i) => (long)i + 1), entries.Select(e => e.Sequence));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);

        // The next append chains onto whatever the failed appends left.
        var head = await store.GetHeadAsync(Token);
        var next = await store.AppendAsync(Exchanges.Pair("ex-after"), Token);
        Assert.Equal(head!.Sequence + 1, next[0].Sequence);
        Assert.Equal(head.Hash, next[0].PrevHash);
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
        Assert.Equal(entries.Count + 2, (await ReadAllAsync(store)).Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _meters.Dispose();
    }

    private static async Task<List<AuditEntry>> ReadAllAsync(PostgresStore store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private async Task<PostgresStore> OpenWithFaultAsync(string fault)
    {
        await _provider.CreateSchemaAsync(Token);
        var schema = new NpgsqlConnectionStringBuilder(_provider.ConnectionString).SearchPath!;
        await _provider.ExecuteAsync($"""
            CREATE TABLE {schema}.flush_fault (fail boolean NOT NULL);
            INSERT INTO {schema}.flush_fault VALUES (false);
            CREATE FUNCTION {schema}.pg_logical_emit_message(transactional boolean, prefix text, message text) RETURNS pg_lsn
            LANGUAGE plpgsql AS $$
            BEGIN
                IF (SELECT fail FROM {schema}.flush_fault) THEN
                    {fault};
                END IF;
                RETURN pg_catalog.pg_logical_emit_message(transactional, prefix, message);
            END $$;
            """, Token);
        var shadowed = new NpgsqlConnectionStringBuilder(_provider.ConnectionString) { SearchPath = schema + ", pg_catalog" };
        var store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = shadowed.ConnectionString }, Token);

        // The fault must be reachable: the store's flush resolves to the shadowing function.
        await using var probe = new NpgsqlConnection(shadowed.ConnectionString);
        await probe.OpenAsync(Token);
        await using var where = new NpgsqlCommand(
            "SELECT p.pronamespace::regnamespace::text FROM pg_proc p WHERE p.oid = 'pg_logical_emit_message(boolean, text, text)'::regprocedure", probe);
        Assert.Equal(schema, (string?)await where.ExecuteScalarAsync(Token));
        return store;
    }

    private Task SetFaultAsync(bool fail) =>
        _provider.ExecuteAsync($"UPDATE flush_fault SET fail = {(fail ? "true" : "false")}", Token);
}
