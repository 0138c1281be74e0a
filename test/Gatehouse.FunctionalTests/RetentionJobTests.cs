using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gatehouse.FunctionalTests;

/// <summary>A gateway with record retention and checkpoints configured starts its retention job and serves as usual.</summary>
public sealed class RetentionJobTests : GatewayTest
{
    private readonly string _keys = Directory.CreateTempSubdirectory("gatehouse-retention-keys-").FullName;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var key = Path.Combine(_keys, "audit.pem");
        var made = GatehouseCommand.RunAsync("audit", "keygen", "--out", key).GetAwaiter().GetResult();
        Assert.True(made.ExitCode == 0, made.Error);
        return config with
        {
            Connections = [.. config.Connections.Select(c => c.Name == "openai"
                ? c with { Retention = new ConnectionRetentionConfig { Records = new RetentionPeriod(TimeSpan.FromDays(365)) } }
                : c)],
            Audit = config.Audit with
            {
                Checkpoints = new CheckpointConfig { KeyFile = key, Interval = TimeSpan.FromSeconds(1), Entries = 2 },
                Retention = new AuditRetentionConfig { Bodies = new RetentionPeriod(TimeSpan.FromDays(30)) },
            },
        };
    }

    protected override void CleanUp() => Directory.Delete(_keys, recursive: true);

    [Fact]
    public async Task Gateway_WithRetentionConfigured_RunsTheJobBesideTheCheckpointJob()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));

        using var response = await Gateway.Client(Gateway.Token("pat")).PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobs = Gateway.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Contains("RetentionService", jobs);
        Assert.Contains("CheckpointService", jobs);
    }
}
