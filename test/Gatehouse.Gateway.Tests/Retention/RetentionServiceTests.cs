using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Leases;
using Gatehouse.Control.Retention;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Retention;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Retention;

/// <summary>The gateway's retention job, on a fake clock: it runs once per interval and not before.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-retention-job-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly TimerWatch _timers;
    private SqliteStore _store = null!;

    public RetentionServiceTests() => _timers = new TimerWatch(_time, _time.Advance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = SqliteStore.Open(Path.Combine(_dir, "gatehouse.db"));
        var intent = new ExchangeIntent
        {
            ExchangeId = "ex-1",
            StartedAt = Start,
            Identity = new AuditIdentity("alice", null, [], "https://idp.example.com", null, "oidc"),
            Connection = "openai",
            Method = "POST",
            Path = "/v1/chat/completions",
            Api = "openai.chat",
            Prompt = "hello",
        };
        await _store.AppendAsync([AuditEntryCodec.ForIntent(intent, Start)], Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Job_FakeClock_RunsOncePerIntervalAndRemovesBodiesOnceExpired()
    {
        var config = new GatehouseConfig
        {
            Connections =
            [
                new ConnectionConfig
                {
                    Name = "openai",
                    Kind = "openai",
                    Upstream = new Uri("https://api.example.com"),
                    Retention = new ConnectionRetentionConfig { Bodies = new RetentionPeriod(TimeSpan.FromDays(1)) },
                },
            ],
            Audit = new AuditConfig { Retention = new AuditRetentionConfig { Interval = TimeSpan.FromDays(1) } },
        };
        using var job = new RetentionService(config, new SqliteRetentionStore(_store), null, HeldSigningLease(), _timers, NullLogger<RetentionService>.Instance);
        await job.StartAsync(Token);

        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));

        // The interval's timer has not fired, and a run only ever follows its tick.
        Assert.Equal(TimeSpan.FromMinutes(1), _timers.NextDue());
        var beforeInterval = await RunsAsync(atLeast: 0);
        _time.Advance(TimeSpan.FromMinutes(1));
        var first = await RunsAsync(atLeast: 1);
        var promptAfterFirst = (await _store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt;
        _time.Advance(TimeSpan.FromDays(1));
        var second = await RunsAsync(atLeast: 2);
        await job.StopAsync(Token);

        // The first run's cut-off (start + 1d - 1d) is the exchange's own time, so only the second removes its body.
        Assert.Equal((0, 1, 2), (beforeInterval, first, second));
        Assert.Equal("hello", promptAfterFirst);
        Assert.Null((await _store.GetExchangeAsync("ex-1", Token))!.Intent.Prompt);
    }

    /// <summary>The signing lease, held by this process until long after the test.</summary>
    private HeldLease HeldSigningLease()
    {
        var lease = new HeldLease(LeaseNames.Signing);
        lease.Take(new Lease(LeaseNames.Signing, "this-replica", 1, _time.GetUtcNow() + TimeSpan.FromDays(365)));
        return lease;
    }

    private async Task<int> RunsAsync(int atLeast)
    {
        var runs = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                runs = 0;
                await foreach (var entry in _store.ReadAllAsync(Token))
                {
                    runs += entry.Kind == RetentionEntryKinds.Run ? 1 : 0;
                }

                return runs >= atLeast;
            },
            $"{atLeast} retention run(s) in the audit log");
        return runs;
    }
}
