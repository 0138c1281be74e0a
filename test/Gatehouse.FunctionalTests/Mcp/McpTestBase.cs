using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using ModelContextProtocol.Client;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// What every MCP functional test needs: an SDK server and a fake upstream, the real gateway in front of them with a
/// policy file and the connections a subclass names, the SDK's client, and a wait for an exchange in the audit.
/// </summary>
public abstract class McpTestBase : IAsyncLifetime
{
    private string _policyPath = "";

    protected McpUpstream Server { get; private set; } = null!;

    protected FakeUpstream Upstream { get; private set; } = null!;

    protected GatewayUnderTest Gateway { get; private set; } = null!;

    protected CapturedLogs Logs { get; } = new();

    /// <summary>Gets the policy the gateway decides with.</summary>
    protected abstract string PolicyText { get; }

    public async ValueTask InitializeAsync()
    {
        Server = await StartServerAsync();
        Upstream = await FakeUpstream.StartAsync();
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(_policyPath, PolicyText, TestContext.Current.CancellationToken);
        Gateway = await GatewayUnderTest.StartAsync(Upstream, config => config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            Connections = [.. config.Connections, .. Connections()],
        }, Logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await Server.DisposeAsync();
        File.Delete(_policyPath);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the SDK server behind the gateway.</summary>
    protected abstract Task<McpUpstream> StartServerAsync();

    /// <summary>Returns the connections the gateway adds to its defaults.</summary>
    protected abstract IEnumerable<ConnectionConfig> Connections();

    /// <summary>Connects the SDK's client to <c>/{connection}/mcp</c> with a token for <paramref name="user"/> in <paramref name="group"/> (or <paramref name="token"/>).</summary>
    protected async Task<McpClient> ConnectToAsync(string connection, string user, string group, string? protocolVersion, string? token = null, McpClientHandlers? handlers = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(Gateway.BaseUri, connection + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + (token ?? Gateway.Token(user, group)) },
        });
        var options = new McpClientOptions { ProtocolVersion = protocolVersion };
        if (handlers is not null)
        {
            options.Handlers = handlers;
        }

        return await McpClient.CreateAsync(transport, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for a completed exchange of <paramref name="user"/> that <paramref name="match"/> accepts.</summary>
    protected async Task<ExchangeRecord> WaitForAsync(string user, Func<ExchangeRecord, bool> match, string what)
    {
        await using var store = Gateway.OpenStore();
        return await Eventually.ValueAsync(
            async () =>
            {
                var page = await store.SearchAsync(new ExchangeQuery { User = user }, CancellationToken.None);
                return page.Items.FirstOrDefault(r => r.Outcome is not null && match(r));
            },
            what);
    }

    /// <summary>Returns a connection of kind mcp to <paramref name="upstream"/> with the test upstream credential.</summary>
    protected static ConnectionConfig McpConnection(string name, Uri upstream, McpUpstreamTransport transport = McpUpstreamTransport.Streamable) => new()
    {
        Name = name,
        Kind = "mcp",
        Upstream = upstream,
        Transport = transport,
        Credential = new CredentialConfig { Header = "Authorization", Prefix = "Bearer ", Value = GatewayUnderTest.UpstreamSecret, Source = "env:TEST" },
    };
}
