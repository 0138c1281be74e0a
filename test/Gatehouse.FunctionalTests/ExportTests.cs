using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports.File;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>An OCSF file sink and a sink that is down, beside live traffic.</summary>
public sealed class ExportTests : GatewayTest
{
    private readonly string _blocker = Path.Combine(Path.GetTempPath(), $"gatehouse-export-blocker-{Guid.NewGuid():N}");

    protected override CapturedLogs Logs { get; } = new();

    private string OcsfFile => Path.Combine(Gateway.Directory, "ocsf.jsonl");

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        // A regular file where the broken sink needs a directory: every delivery fails.
        File.WriteAllText(_blocker, "");
        return config with
        {
            Export = new ExportConfig
            {
                Sinks =
                [
                    new ExportSinkConfig { Name = "ocsf", Format = ExportFormat.Ocsf, Transport = new FileTransportConfig { Path = Path.Combine(Path.GetDirectoryName(config.Storage.Sqlite)!, "ocsf.jsonl") } },
                    new ExportSinkConfig { Name = "down", Transport = new FileTransportConfig { Path = Path.Combine(_blocker, "audit.jsonl") } },
                ],
            },
        };
    }

    protected override void CleanUp() => File.Delete(_blocker);

    [Fact]
    public async Task Traffic_WithOneSinkDown_IsServedAndTheOtherSinkGetsOcsfEvents()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("served"));
        using var anonymous = await Gateway.Client().PostAsync("openai/v1/chat/completions", Body(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // The traffic starts once the broken sink has failed on the first entry and is backing off (1 s, doubling).
        await Eventually.UntilAsync(
            () => Logs.Lines.Any(l => l.Contains("[1801]", StringComparison.Ordinal) && l.Contains("Sink=down", StringComparison.Ordinal)),
            "the down sink's first failed delivery");
        var client = Gateway.Client(Gateway.Token("olga", "dev"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsync("openai/v1/chat/completions", Body(), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Requests that waited on the failing sink's backoff (1 + 2 + 4 + ... s) would take over a minute; served apart
        // from the export they take well under that even when the machine is busy.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"20 requests took {clock.Elapsed} with a sink down");
        var events = await WaitForEventsAsync(41);
        var signIn = events.Single(e => e.GetProperty("class_uid").GetInt32() == 3002);
        Assert.Equal("missing_credentials", signIn.GetProperty("status_detail").GetString());
        var exchange = events.First(e => e.GetProperty("class_uid").GetInt32() == 6003);
        Assert.Equal("olga", exchange.GetProperty("actor").GetProperty("user").GetProperty("uid").GetString());
        Assert.DoesNotContain("hello there", await File.ReadAllTextAsync(OcsfFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> WaitForEventsAsync(int count)
    {
        var lines = await Eventually.ValueAsync(
            async () => await CompleteLinesAsync() is { Length: var n } all && n >= count ? all : null,
            $"{count} events in the OCSF file");
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    /// <summary>The lines the sink has finished writing: a read can meet the last one half written.</summary>
    private async Task<string[]> CompleteLinesAsync()
    {
        if (!File.Exists(OcsfFile))
        {
            return [];
        }

        var text = await File.ReadAllTextAsync(OcsfFile, TestContext.Current.CancellationToken);
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static StringContent Body() =>
        new("""{"model":"gpt-test","messages":[{"role":"user","content":"hello there"}]}""", Encoding.UTF8, "application/json");
}
