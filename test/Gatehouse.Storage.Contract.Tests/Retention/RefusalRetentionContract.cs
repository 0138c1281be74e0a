using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>
/// Refused callers' entries (<c>identity.refused</c>) belong to no connection; retention removes them after the
/// audit-wide record period like any record, and a legal hold on one keeps it.
/// </summary>
public abstract class RefusalRetentionContract : RetentionContract
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    protected override async Task SeedAsync(RetentionFixture f)
    {
        await RefusedAsync(f, "refused-old-1");
        await RefusedAsync(f, "refused-old-2");
        await f.ExchangeAsync("old-1");
        f.Time.Advance(10 * Day);
        await RefusedAsync(f, "refused-new");
    }

    [Fact]
    public async Task Run_RefusalsOlderThanTheRecordPeriod_AreTombstoned_HeldAndRecentOnesStay()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "refused-old-2");

        var report = await f.Runner.RunAsync(new RetentionPlan([]) { Refusals = 5 * Day }, dryRun: false, Token);

        Assert.Equal(1, report.RefusalsTombstoned);
        Assert.Equal(1, report.EntriesTombstoned);
        var refusals = (await f.EntriesAsync()).Where(e => e.Kind == AuditEntryKinds.SignInFailed).Select(e => e.ExchangeId).ToList();
        Assert.Equal(["refused-old-2", "refused-new"], refusals);
        Assert.NotNull(await f.Store.GetExchangeAsync("old-1", Token));
        var verified = await f.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem.ToString());
    }

    [Fact]
    public async Task Run_RefusalsKeptForEver_ByDefault()
    {
        var f = await FixtureAsync();
        var report = await f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));

        Assert.Equal(0, report.RefusalsTombstoned);
        Assert.Equal(3, (await f.EntriesAsync()).Count(e => e.Kind == AuditEntryKinds.SignInFailed));
    }

    private static Task RefusedAsync(RetentionFixture f, string id) => f.Store.AppendAsync(
        [AuditEntryCodec.ForSignInFailure(new SignInFailure { RequestId = id, Code = "invalid_token", Status = 401, ClientAddress = "192.0.2.7", Count = 40 }, f.Time.GetUtcNow())],
        Token);
}
