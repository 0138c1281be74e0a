using System.Net;
using System.Text.Json;
using Gatehouse.Audit.Versioning;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Gatehouse.FunctionalTests;

/// <summary>Which build runs is visible where operators look: the command line, /healthz and the telemetry resource.</summary>
public sealed class VersionTests : GatewayTest
{
    [Fact]
    public async Task VersionOption_PrintsVersionAndCommitOnOneLine()
    {
        var (exit, output, _) = await GatehouseCommand.RunAsync("--version");

        Assert.Equal(0, exit);
        var current = GatehouseVersion.Current;
        Assert.Matches(@"^[0-9a-f]{40}$", current.Commit ?? "");
        Assert.Equal($"gatehouse {current.Version} (commit {current.Commit![..12]})\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Healthz_ReportsStatusVersionAndCommit()
    {
        using var response = await Gateway.Client().GetAsync("healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(GatehouseVersion.Current.Version, body.RootElement.GetProperty("version").GetString());
        Assert.Equal(GatehouseVersion.Current.Commit, body.RootElement.GetProperty("commit").GetString());
    }

    [Fact]
    public void TelemetryResource_CarriesServiceVersion()
    {
        var resource = Gateway.Services.GetRequiredService<MeterProvider>().GetResource();

        var attributes = resource.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(GatehouseVersion.Current.Version, attributes["service.version"]);
    }
}
