using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>
/// The real gateway on Kestrel (development issuer, fake upstream) under <see cref="ConsoleTest.Policy"/>, with the
/// signed-in sessions it has handed out. As a class fixture it serves every test of one class; a class whose tests
/// each need an empty store (an inbox that must start empty) gets one per test instead.
/// </summary>
public class ConsoleGateway : IAsyncLifetime
{
    private readonly Func<GatehouseConfig, GatehouseConfig> _adjust;
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private string _policyPath = "";

    public ConsoleGateway()
        : this(config => config)
    {
    }

    internal ConsoleGateway(Func<GatehouseConfig, GatehouseConfig> adjust) => _adjust = adjust;

    public FakeUpstream Upstream { get; private set; } = null!;

    public GatewayUnderTest Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-console-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(_policyPath, ConsoleTest.Policy);
        Upstream = await FakeUpstream.StartAsync();
        Gateway = await GatewayUnderTest.StartAsync(Upstream, config => _adjust(config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            ResponseHolds = new ResponseHoldConfig { Heartbeat = TimeSpan.FromMilliseconds(500) },
        }));
    }

    /// <summary>Gets the browser storage state (session cookie) of <paramref name="user"/>'s earlier sign-in, if any.</summary>
    public string? SessionOf(string user)
    {
        lock (_sessions)
        {
            return _sessions.GetValueOrDefault(user);
        }
    }

    /// <summary>Keeps <paramref name="user"/>'s signed-in storage state, so the next test signs them in without the issuer's round trip.</summary>
    public void KeepSession(string user, string storageState)
    {
        lock (_sessions)
        {
            _sessions[user] = storageState;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        File.Delete(_policyPath);
        GC.SuppressFinalize(this);
    }
}
