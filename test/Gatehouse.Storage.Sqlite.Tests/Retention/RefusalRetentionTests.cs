using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

/// <summary>
/// Refused callers' entries (<c>identity.refused</c>) belong to no connection; retention removes them after the
/// audit-wide record period like any record, and a legal hold on one keeps it.
/// </summary>
public sealed class RefusalRetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly RetentionFixture _f = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await RefusedAsync("refused-old-1");
        await RefusedAsync("refused-old-2");
        await _f.ExchangeAsync("old-1");
        _f.Time.Advance(10 * Day);
        await RefusedAsync("refused-new");
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Run_RefusalsOlderThanTheRecordPeriod_AreTombstoned_HeldAndRecentOnesStay()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "refused-old-2");

        var report = await _f.Runner.RunAsync(new RetentionPlan([]) { Refusals = 5 * Day }, dryRun: false, Token);

        Assert.Equal(1, report.RefusalsTombstoned);
        Assert.Equal(1, report.EntriesTombstoned);
        var refusals = (await _f.EntriesAsync()).Where(e => e.Kind == AuditEntryKinds.SignInFailed).Select(e => e.ExchangeId).ToList();
        Assert.Equal(["refused-old-2", "refused-new"], refusals);
        Assert.NotNull(await _f.Store.GetExchangeAsync("old-1", Token));
        var verified = await _f.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem.ToString());
    }

    [Fact]
    public async Task Run_RefusalsKeptForEver_ByDefault()
    {
        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));

        Assert.Equal(0, report.RefusalsTombstoned);
        Assert.Equal(3, (await _f.EntriesAsync()).Count(e => e.Kind == AuditEntryKinds.SignInFailed));
    }

    private Task RefusedAsync(string id) => _f.Store.AppendAsync(
        [AuditEntryCodec.ForSignInFailure(new SignInFailure { RequestId = id, Code = "invalid_token", Status = 401, ClientAddress = "192.0.2.7", Count = 40 }, _f.Time.GetUtcNow())],
        Token);
}
