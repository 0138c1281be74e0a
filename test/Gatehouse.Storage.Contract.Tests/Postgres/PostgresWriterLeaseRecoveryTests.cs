using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Leases;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>A starting replica closes as interrupted only the open intents of writers whose lease lapsed, never a live peer's.</summary>
public sealed class PostgresWriterLeaseRecoveryTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(Exchanges.Start);
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    [Fact]
    public async Task Recover_LivePeerLapsedPeerAndLeaselessWriter_ClosesOnlyTheDeadOnes()
    {
        var live = await WriterAsync("replica-a", TimeSpan.FromSeconds(30));
        var lapsing = await WriterAsync("replica-b", TimeSpan.FromSeconds(10));
        var leaseless = await WriterAsync("replica-old", null);
        await OpenIntentAsync(live, "ex-live");
        await OpenIntentAsync(lapsing, "ex-lapsed");
        await OpenIntentAsync(leaseless, "ex-leaseless");
        _time.Advance(TimeSpan.FromSeconds(20));

        var starting = await WriterAsync("replica-c", TimeSpan.FromSeconds(30));
        var first = await starting.RecoverInterruptedAsync(_time.GetUtcNow(), Token);

        Assert.Equal(2, first);
        Assert.Equal(["ex-lapsed", "ex-leaseless"], await InterruptedAsync(starting));

        _time.Advance(TimeSpan.FromSeconds(15));
        var second = await starting.RecoverInterruptedAsync(_time.GetUtcNow(), Token);

        Assert.Equal(1, second);
        Assert.Equal(["ex-lapsed", "ex-leaseless", "ex-live"], await InterruptedAsync(starting));
    }

    [Fact]
    public async Task TwoReplicasStartingTogether_CloseTheDeadWritersIntentsOnce_NeverTheLivePeers()
    {
        var live = await WriterAsync("replica-a", TimeSpan.FromMinutes(5));
        var dead = await WriterAsync("replica-b", TimeSpan.FromSeconds(10));
        for (var i = 0; i < 30; i++)
        {
            await OpenIntentAsync(live, "ex-live-" + i);
            await OpenIntentAsync(dead, "ex-dead-" + i);
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        var startingC = await WriterAsync("replica-c", TimeSpan.FromSeconds(30));
        var startingD = await WriterAsync("replica-d", TimeSpan.FromSeconds(30));
        var now = _time.GetUtcNow();
        var closed = await Task.WhenAll(
            Task.Run(() => startingC.RecoverInterruptedAsync(now, Token), Token),
            Task.Run(() => startingD.RecoverInterruptedAsync(now, Token), Token));

        var interrupted = await InterruptedAsync(live);
        Assert.Equal(30, closed.Sum());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => "ex-dead-" + i).Order(StringComparer.Ordinal), interrupted.Order(StringComparer.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private static Task OpenIntentAsync(PostgresStore writer, string exchangeId) =>
        writer.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent(exchangeId), Exchanges.Start)], Token);

    private static async Task<List<string>> InterruptedAsync(PostgresStore store)
    {
        var ids = new List<string>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            if (entry.Kind == AuditEntryKinds.Interrupted)
            {
                ids.Add(entry.ExchangeId);
            }
        }

        return ids;
    }

    private async Task<PostgresStore> WriterAsync(string writerId, TimeSpan? lease)
    {
        var store = await Provider.OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = Provider.ConnectionString, WriterId = writerId }, Token);
        if (lease is { } duration)
        {
            Assert.NotNull(await new PostgresLeaseStore(store, _time).AcquireAsync(LeaseNames.Writer(writerId), writerId, duration, Token));
        }

        return store;
    }
}
