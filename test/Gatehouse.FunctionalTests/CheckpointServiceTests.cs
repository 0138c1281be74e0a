using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>The running gateway signs checkpoints of its audit log, kept in the store and in a folder, that verify.</summary>
public sealed class CheckpointServiceTests : GatewayTest
{
    private readonly string _keys = Directory.CreateTempSubdirectory("gatehouse-checkpoint-keys-").FullName;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var key = Path.Combine(_keys, "audit.pem");
        var made = GatehouseCommand.RunAsync("audit", "keygen", "--out", key).GetAwaiter().GetResult();
        Assert.True(made.ExitCode == 0, made.Error);
        return config with
        {
            Audit = config.Audit with
            {
                Checkpoints = new CheckpointConfig { KeyFile = key, Interval = TimeSpan.FromSeconds(1), Entries = 4, Directory = Path.Combine(_keys, "out") },
            },
        };
    }

    protected override void CleanUp() => Directory.Delete(_keys, recursive: true);

    [Fact]
    public async Task Exchanges_AreCoveredBySignedCheckpoints_ThatVerifyWithThePublicKey()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        for (var i = 0; i < 3; i++)
        {
            using var response = await Gateway.Client(Gateway.Token("pat")).PostAsync("openai/v1/chat/completions",
                new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var publicKey = Directory.GetFiles(_keys, "*.pub.pem").Single();
        var folder = Path.Combine(_keys, "out");
        await Eventually.UntilAsync(
            () => Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0, "a signed checkpoint in the checkpoint folder");

        // The checkpoint service stores a checkpoint before it publishes it to the folder.
        var verified = await GatehouseCommand.RunAsync("audit", "verify-checkpoints", "--public-key", publicKey, "--db", Gateway.DatabasePath);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
    }
}
