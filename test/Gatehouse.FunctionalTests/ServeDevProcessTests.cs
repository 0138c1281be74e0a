using System.Net.Sockets;
using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>The README's path, with the real executable: serve --dev, dev token, a streamed call, audit search and verify.</summary>
public sealed class ServeDevProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-serve-dev-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ServeDev_NewcomerPath_WorksAndShutsDownCleanly()
    {
        var serve = await GatehouseProcess.ServeAsync(_directory, "4. See it audited", at => ["serve", "--dev", "--urls", at]);
        var url = serve.Url;
        await using (serve)
        {
            Assert.Contains("dev token --user alice", serve.Output, StringComparison.Ordinal);

            var token = await GatehouseProcess.RunAsync(_directory, "dev", "token", "--user", "alice", "--groups", "dev", "--url", url);
            Assert.True(token.ExitCode == 0, token.Error);

            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token.Output.Trim());
            using var response = await client.PostAsync("demo/v1/chat/completions", new StringContent(
                """{"model":"gatehouse-demo","stream":true,"messages":[{"role":"user","content":"write a clamp function"}]}""",
                Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("data: [DONE]", body, StringComparison.Ordinal);

            var search = await Eventually.ValueAsync(SearchWhenCompleteAsync, "the exchange complete (status 200) in audit search");
            Assert.Contains("alice", search, StringComparison.Ordinal);
            Assert.Contains("gatehouse-demo", search, StringComparison.Ordinal);

            var verify = await GatehouseProcess.RunAsync(_directory, "audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);

            Assert.Equal(0, await serve.InterruptAsync());
            Assert.Contains("draining", serve.Output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(_directory, ".gatehouse", "gatehouse.db")));
        Assert.True(File.Exists(Path.Combine(_directory, ".gatehouse", "dev-issuer.jwk.json")));
    }

    [Fact]
    public async Task Serve_PortAlreadyTaken_SaysWhichAddressAndExitsTwo_WithoutAStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await GatehouseProcess.RunAsync(_directory, "serve", "--dev", "--urls", url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"gatehouse: cannot listen: Failed to bind to address {url}: address already in use.", result.Error, StringComparison.Ordinal);
        Assert.Contains("--urls or server.urls", result.Error, StringComparison.Ordinal);
        // The error stream is the one line; the log (standard output) keeps the host's record of the failure.
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InvalidConfig_ListsEveryErrorAndExitsTwo()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, "connections:\n  - name: a\n    upstream: htp://x\n  - name: b\n", TestContext.Current.CancellationToken);

        var result = await GatehouseProcess.RunAsync(_directory, "serve", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration has 2 errors", result.Error, StringComparison.Ordinal);
        Assert.Contains("connections[0].upstream", result.Error, StringComparison.Ordinal);
        Assert.Contains("connections[1].upstream: required", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The search's output once it shows the exchange's outcome, which the gateway writes after the response.</summary>
    private async Task<string?> SearchWhenCompleteAsync()
    {
        var search = await GatehouseProcess.RunAsync(_directory, "audit", "search", "--user", "alice");
        return search.ExitCode == 0 && search.Output.Contains(" 200 ", StringComparison.Ordinal) ? search.Output : null;
    }
}
