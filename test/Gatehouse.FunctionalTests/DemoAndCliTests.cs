using System.ClientModel;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>The newcomer's path: a streamed chat through the demo connection, found and verified with the CLI.</summary>
public sealed class DemoAndCliTests : GatewayTest
{

    [Fact]
    public async Task StreamedDemoChat_IsFoundByAuditSearch_AndVerifyPassesUntilARowIsEdited()
    {
        var chat = new ChatClient("gatehouse-demo", new ApiKeyCredential(Gateway.Token("quinn@example.com", "dev")),
            new OpenAIClientOptions { Endpoint = new Uri(Gateway.BaseUri, "demo/v1") });
        var text = "";
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("write a clamp function")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Contains("Clamp(int value, int min, int max)", text, StringComparison.Ordinal);
        await Gateway.WaitForExchangeAsync("quinn@example.com");

        var search = await GatehouseCommand.RunAsync("audit", "search", "--db", Gateway.DatabasePath, "--user", "quinn@example.com", "--text", "clamp");
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains("demo", search.Output, StringComparison.Ordinal);
        Assert.Contains("gatehouse-demo", search.Output, StringComparison.Ordinal);

        var json = await GatehouseCommand.RunAsync("audit", "search", "--db", Gateway.DatabasePath, "--connection", "demo", "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("Clamp(int value", json.Output, StringComparison.Ordinal);

        var verified = await GatehouseCommand.RunAsync("audit", "verify", "--db", Gateway.DatabasePath);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("audit: intact.", verified.Output, StringComparison.Ordinal);

        await Tamper("UPDATE audit_entries SET model = 'gpt-other' WHERE seq = 1");

        var tampered = await GatehouseCommand.RunAsync("audit", "verify", "--db", Gateway.DatabasePath);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("First bad entry: 1:", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditShow_PrintsTheWholeExchange_AndUnknownIdExitsOne()
    {
        using var response = await Gateway.Client(Gateway.Token("rita")).PostAsync("demo/v1/chat/completions",
            new StringContent("""{"model":"gatehouse-demo","messages":[{"role":"user","content":"hello"}]}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var id = Assert.Single(response.Headers.GetValues("x-gatehouse-exchange"));
        await Gateway.WaitForExchangeAsync("rita");

        var shown = await GatehouseCommand.RunAsync("audit", "show", id, "--db", Gateway.DatabasePath);
        var missing = await GatehouseCommand.RunAsync("audit", "show", "no-such-id", "--db", Gateway.DatabasePath);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("rita", shown.Output, StringComparison.Ordinal);
        Assert.Contains("[user]\nhello", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Clamp", shown.Output, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task KeysCreate_PrintsAKeyOnce_ThatAuthenticatesUntilRevoked()
    {
        var created = await GatehouseCommand.RunAsync("keys", "create", "--name", "ci-bot", "--owner", "ops@example.com", "--groups", "ci", "--expires", "90d", "--db", Gateway.DatabasePath);
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim();
        Assert.StartsWith("gk_", key, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = Gateway.BaseUri };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        using var allowed = await client.GetAsync("demo/v1/models", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);

        var listed = await GatehouseCommand.RunAsync("keys", "list", "--db", Gateway.DatabasePath);
        Assert.Contains("ci-bot", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await GatehouseCommand.RunAsync("keys", "revoke", "ci-bot", "--db", Gateway.DatabasePath)).ExitCode);

        // The gateway remembers key lookups for identity.apiKeyCache (5 s): the revocation must bite within that.
        var started = System.Diagnostics.Stopwatch.StartNew();
        string body;
        while (true)
        {
            using var refused = await client.GetAsync("demo/v1/models", TestContext.Current.CancellationToken);
            body = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (refused.StatusCode == System.Net.HttpStatusCode.Unauthorized || started.Elapsed > TimeSpan.FromSeconds(8))
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Contains("api_key_revoked", body, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(7), $"revocation took {started.Elapsed}");
    }

    private async Task Tamper(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Gateway.DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
