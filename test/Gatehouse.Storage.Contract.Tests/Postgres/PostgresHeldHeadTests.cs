using Gatehouse.Audit;
using Gatehouse.Audit.Verification;
using Gatehouse.Audit.Writing;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// Two replicas' audit writers (two stores on one database) keep forming batches while a peer holds the head: when the
/// peer lets go, every queued entry lands in one chain without gaps, each acknowledged at its place, and it verifies.
/// </summary>
public sealed class PostgresHeldHeadTests : IAsyncDisposable
{
    private readonly PlainMeterFactory _meters = new();
    private readonly string _name = $"held-head-{Guid.NewGuid():N}";
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    [Fact]
    public async Task TwoWriters_QueueWhileAPeerHoldsTheHead_OneGapFreeChainThatVerifies()
    {
        // Named, so that only this test's waiting appends are counted (other tests share the database).
        var writers = new NpgsqlConnectionStringBuilder(Provider.ConnectionString) { ApplicationName = _name }.ConnectionString;
        var one = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = writers, WriterId = "one" }, Token);
        var two = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = writers, WriterId = "two" }, Token);
        await one.AppendAsync(Exchanges.Pair("before"), Token);
        await using var writerOne = new AuditWriter(one, new AuditWriterOptions(), TimeProvider.System, _meters, NullLogger<AuditWriter>.Instance);
        await using var writerTwo = new AuditWriter(two, new AuditWriterOptions(), TimeProvider.System, _meters, NullLogger<AuditWriter>.Instance);

        // The peer: a transaction that holds the head row, as another replica's append does while it runs.
        await using var peer = new NpgsqlConnection(Provider.ConnectionString);
        await peer.OpenAsync(Token);
        var hold = await peer.BeginTransactionAsync(Token);
        await using (var lockHead = new NpgsqlCommand("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE", peer, hold))
        {
            await lockHead.ExecuteScalarAsync(Token);
        }

        const int perWriter = 40;
        var appends = new List<Task<AuditWriteResult>>();
        for (var i = 0; i < perWriter; i++)
        {
            foreach (var (writer, name) in new[] { (writerOne, "one"), (writerTwo, "two") })
            {
                appends.AddRange(Exchanges.Pair($"{name}-{i}").Select(d => writer.AppendAsync(d, Token).AsTask()));
            }
        }

        // Both writers' first batches wait on the held head; the rest queue behind them in each writer.
        await Eventually.UntilAsync(async () => await WaitingOnLockAsync() >= 2, "both writers' appends to wait on the held head");
        Assert.DoesNotContain(appends, a => a.IsCompleted);
        await hold.RollbackAsync(Token);

        var results = await Task.WhenAll(appends);

        Assert.All(results, r => Assert.True(r.Success, r.Error));
        var total = 2 + (perWriter * 2 * 2);
        Assert.Equal(Enumerable.Range(3, total - 2).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        var read = new List<long>();
        await foreach (var entry in one.ReadAllAsync(Token))
        {
            read.Add(entry.Sequence);
        }

        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), read);
        Assert.True((await new AuditVerifier(two).VerifyAsync(Token)).IsIntact);
    }

    public async ValueTask DisposeAsync()
    {
        _meters.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private async Task<long> WaitingOnLockAsync() =>
        Convert.ToInt64(await Provider.ScalarAsync(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{_name}' AND wait_event_type = 'Lock'", Token), System.Globalization.CultureInfo.InvariantCulture);
}
