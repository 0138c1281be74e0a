using Gatehouse.Policy.Reloading;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Policy.Tests.TestPolicies;

namespace Gatehouse.Policy.Tests;

public sealed class PolicyProviderTests : IDisposable
{
    private const string AllowAll = "rules:\n  - name: allow-all\n    match: {}\n    effect: allow\n";
    private const string DenyAll = "rules:\n  - name: deny-all\n    match: {}\n    effect: deny\n";
    private const string Broken = "rules:\n  - name: x\n    match: {color: red}\n    effect: maybe\n";

    private static readonly PolicyProviderOptions Manual = new() { Watch = false, Debounce = TimeSpan.FromSeconds(1) };

    private readonly string _directory = Directory.CreateTempSubdirectory("policy-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger _logger = new();

    private string PolicyPath => Path.Combine(_directory, "policy.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Start_InvalidFile_FailsListingEveryError()
    {
        File.WriteAllText(PolicyPath, Broken);

        var exception = Assert.Throws<PolicyLoadException>(() => PolicyProvider.Start(PolicyPath, _time, _logger, Manual));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("policy has 2 errors", exception.Message, StringComparison.Ordinal);
        Assert.Contains(":3:13: unknown key 'color'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(":4:13: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1302));
    }

    [Fact]
    public void NotifyChanged_ValidEdit_SwappedOnlyAfterDebounce()
    {
        File.WriteAllText(PolicyPath, AllowAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual);
        File.WriteAllText(PolicyPath, DenyAll);

        provider.NotifyChanged();
        _time.Advance(TimeSpan.FromMilliseconds(900));
        var before = provider.Current.Evaluate(Exchange()).Effect;
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(PolicyEffect.Allow, before);
        Assert.Equal(PolicyEffect.Deny, provider.Current.Evaluate(Exchange()).Effect);
    }

    [Fact]
    public void NotifyChanged_BurstOfChanges_ReloadsOnce()
    {
        File.WriteAllText(PolicyPath, AllowAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual);
        var reloads = 0;
        provider.Reloaded += (_, _) => reloads++;
        File.WriteAllText(PolicyPath, DenyAll);

        for (var i = 0; i < 5; i++)
        {
            provider.NotifyChanged();
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, reloads);
    }

    [Fact]
    public void NotifyChanged_BrokenEdit_KeepsLastGoodPolicyAndReportsEveryError()
    {
        File.WriteAllText(PolicyPath, DenyAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual);
        var good = provider.Current;
        PolicyReloadedEventArgs? reported = null;
        provider.Reloaded += (_, e) => reported = e;
        File.WriteAllText(PolicyPath, Broken);

        provider.NotifyChanged();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(good, provider.Current);
        Assert.Equal(PolicyEffect.Deny, provider.Current.Evaluate(Exchange()).Effect);
        Assert.NotNull(reported);
        Assert.False(reported.Succeeded);
        Assert.Equal([3, 4], reported.Errors.Select(e => e.Line));
        var logged = _logger.Collector.GetSnapshot();
        Assert.Contains(logged, r => r.Id.Id == 1301);
        Assert.Equal(2, logged.Count(r => r.Id.Id == 1302));
    }

    [Fact]
    public void Reload_FileDeleted_KeepsLastGoodPolicy()
    {
        File.WriteAllText(PolicyPath, DenyAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual);
        File.Delete(PolicyPath);

        var outcome = provider.Reload();

        Assert.False(outcome.Succeeded);
        Assert.Equal("deny-all", provider.Current.Document.Rules[0].Name);
    }

    [Fact]
    public void Reload_FixedAfterBrokenEdit_TakesTheFix()
    {
        File.WriteAllText(PolicyPath, AllowAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual);
        File.WriteAllText(PolicyPath, Broken);
        Assert.False(provider.Reload().Succeeded);
        File.WriteAllText(PolicyPath, DenyAll);

        Assert.True(provider.Reload().Succeeded);
        Assert.Equal(PolicyEffect.Deny, provider.Current.Evaluate(Exchange()).Effect);
    }

    [Fact]
    public void Watch_FileRewritten_ReloadsAfterDebounce()
    {
        File.WriteAllText(PolicyPath, AllowAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual with { Watch = true });
        File.WriteAllText(PolicyPath, DenyAll);

        // Polling and debouncing both run on the test's clock, inside Advance: the first poll sees the rewrite, the
        // reload comes one debounce later.
        _time.Advance(Manual.PollInterval);
        var afterPoll = provider.Current.Evaluate(Exchange()).Effect;
        _time.Advance(Manual.Debounce);

        Assert.Equal(PolicyEffect.Allow, afterPoll);
        Assert.Equal(PolicyEffect.Deny, provider.Current.Evaluate(Exchange()).Effect);
    }

    [Fact]
    public async Task Watch_WritesBesideThePolicy_DoNotTriggerReloads()
    {
        File.WriteAllText(PolicyPath, AllowAll);
        using var provider = PolicyProvider.Start(PolicyPath, _time, _logger, Manual with { Watch = true });

        // An audit database in the same folder is written on every exchange.
        for (var i = 0; i < 20; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, "gatehouse.db-wal"), $"write {i}", TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1303);
        Assert.Equal(PolicyEffect.Allow, provider.Current.Evaluate(Exchange()).Effect);
    }
}
