using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp.Pinning;

/// <summary>
/// An MCP server built with the official SDK (stateless, at <c>/mcp</c>) whose tool list a test changes while it runs:
/// <c>deploy</c>'s description, and a <c>rollback</c> tool that appears on demand. It counts the calls it executes.
/// </summary>
public sealed class ChangingToolServer : IAsyncDisposable
{
    public const string OriginalDescription = "Deploys a service to an environment.";

    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"env":{"type":"string"}},"required":["env"]}""").RootElement;

    private readonly WebApplication _app;
    private int _calls;

    private ChangingToolServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Gets or sets the description <c>deploy</c> is listed with.</summary>
    public string DeployDescription { get; set; } = OriginalDescription;

    /// <summary>Gets or sets whether <c>rollback</c> is listed.</summary>
    public bool WithRollback { get; set; }

    /// <summary>Gets how many tool calls the server executed.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static async Task<ChangingToolServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        ChangingToolServer? server = null;
        builder.Services.AddMcpServer()
            .WithHttpTransport(o => o.Stateless = true)
            .WithListToolsHandler((_, _) => ValueTask.FromResult(server!.List()))
            .WithCallToolHandler((request, _) => ValueTask.FromResult(server!.Call(request.Params!)));
        var app = builder.Build();
        server = new ChangingToolServer(app);
        app.MapMcp("/mcp");
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private ListToolsResult List()
    {
        var tools = new List<Tool>
        {
            new() { Name = "deploy", Description = DeployDescription, InputSchema = Schema },
            new() { Name = "status", Description = "Shows what is deployed where.", InputSchema = Schema },
        };
        if (WithRollback)
        {
            tools.Add(new Tool { Name = "rollback", Description = "Rolls a deployment back.", InputSchema = Schema });
        }

        return new ListToolsResult { Tools = tools };
    }

    private CallToolResult Call(CallToolRequestParams call)
    {
        Interlocked.Increment(ref _calls);
        var env = call.Arguments is { } arguments && arguments.TryGetValue("env", out var value) ? value.GetString() : "?";
        return new CallToolResult { Content = [new TextContentBlock { Text = $"{call.Name} done in {env}" }] };
    }
}
