using Gatehouse.Gateway.Configuration;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A test class with its own fake upstream and gateway, started before each test and stopped after it, so that every
/// test reads an audit trail of its own.
/// </summary>
public abstract class GatewayTest : IAsyncLifetime
{
    protected FakeUpstream Upstream { get; private set; } = null!;

    protected GatewayUnderTest Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Upstream = await FakeUpstream.StartAsync();
        Gateway = await GatewayUnderTest.StartAsync(Upstream, Adjust, Logs, Time);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="Adjust"/> created outside the gateway's folder; the default removes nothing.</summary>
    protected virtual void CleanUp()
    {
    }

    /// <summary>Gets where the gateway's log lines are kept (every level), for tests that wait on one or check for leaks; the default (null) keeps none.</summary>
    protected virtual CapturedLogs? Logs => null;

    /// <summary>Gets the gateway's clock; the default (null) is the system clock.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Changes the test configuration before the gateway starts; the default changes nothing.</summary>
    protected virtual GatehouseConfig Adjust(GatehouseConfig config) => config;

    /// <summary>Replaces the upstream (after a test stopped it), so that clean-up has one to stop.</summary>
    protected async Task RestartUpstreamAsync() => Upstream = await FakeUpstream.StartAsync();
}
