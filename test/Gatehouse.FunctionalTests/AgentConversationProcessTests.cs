using System.ClientModel;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Content-addressed audit bodies checked from outside: the real executable serves a ten-turn agent-shaped
/// conversation (a ~40 KB system prompt and tool definitions resent every turn, the history growing) through the OpenAI
/// SDK, and the real CLI shows, finds, verifies, proves and exports each turn's exact masked prompt, as storing every
/// body whole did, while the store grows by a fraction of what was sent.
/// </summary>
public sealed class AgentConversationProcessTests : IDisposable
{
    private const string Ready = "audit store: ";
    private const int Turns = 10;
    private const string MaskedAws = "[MASKED:aws-access-key-id]";

    // A phrase only the seventh user message holds; every later turn resends that message.
    private const string Phrase = "reconcile the quarterly ledger";

    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-agent-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AgentConversation_TenTurns_CliShowsFindsVerifiesProvesAndExportsEachPrompt_StoreGrowsByTheDistinctContent()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, """
            dev: true
            export:
              sinks:
                - name: file
                  format: json
                  includeBodies: true
                  transport:
                    type: file
                    path: export/audit.jsonl
            """, Token);
        await using var serve = await GatehouseProcess.ServeAsync(_directory, Ready, at => ["serve", "--dev", "--config", config, "--urls", at]);
        var database = DatabasePath(serve.Output);
        var token = await GatehouseProcess.RunAsync(_directory, "dev", "token", "--user", "alice", "--groups", "dev", "--url", serve.Url);
        Assert.True(token.ExitCode == 0, token.Error);
        var before = LogicalSize(database);

        // The conversation: each turn resends the system prompt, the tools and all earlier messages.
        var chat = new ChatClient("gatehouse-demo", new ApiKeyCredential(token.Output.Trim()), new OpenAIClientOptions
        {
            Endpoint = new Uri(new Uri(serve.Url), "demo/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });
        var options = new ChatCompletionOptions();
        foreach (var tool in AgentShapes.Tools())
        {
            options.Tools.Add(tool);
        }

        var system = AgentShapes.SystemPrompt();
        var messages = new List<ChatMessage> { new SystemChatMessage(system) };
        var expected = new StringBuilder($"[system]\n{system}");
        var turns = new List<(string Id, string Prompt, string Response)>();
        long sent = 0;
        for (var turn = 1; turn <= Turns; turn++)
        {
            var user = AgentShapes.UserMessage(turn, turn == 7 ? Phrase : null, turn == 3 ? AwsKeyId : null);
            messages.Add(new UserChatMessage(user));
            expected.Append($"\n\n[user]\n{user.Replace(AwsKeyId, MaskedAws, StringComparison.Ordinal)}");
            var result = await chat.CompleteChatAsync(messages, options, Token);
            var raw = result.GetRawResponse();
            Assert.True(raw.Headers.TryGetValue("x-gatehouse-exchange", out var id), "the response names its exchange");
            var answer = result.Value.Content[0].Text;
            turns.Add((id!, expected.ToString(), answer));
            sent += RequestBytes(messages, options);
            messages.Add(new AssistantChatMessage(answer));
            expected.Append($"\n\n[assistant]\n{answer}");
        }

        // audit show: every turn's exact masked prompt and its response, as full storage showed them.
        foreach (var (id, prompt, response) in turns)
        {
            var record = JsonDocument.Parse(await CliAsync("audit", "show", id, "--json", "--db", database)).RootElement;
            Assert.Equal(prompt, record.GetProperty("intent").GetProperty("prompt").GetString());
            Assert.Equal(response, record.GetProperty("outcome").GetProperty("response").GetString());
        }

        Assert.DoesNotContain(turns, t => t.Prompt.Contains(AwsKeyId, StringComparison.Ordinal));
        Assert.Contains(MaskedAws, turns[^1].Prompt, StringComparison.Ordinal);

        // audit search: the phrase from turn 7 finds turn 7 and every later turn, which resend it, and nothing earlier.
        var found = JsonDocument.Parse(await CliAsync("audit", "search", "--text", $"\"{Phrase}\"", "--json", "--db", database)).RootElement;
        Assert.Equal(
            turns.Skip(6).Select(t => t.Id).Order(),
            found.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("intent").GetProperty("exchangeId").GetString()).Order());

        // audit verify, and an inclusion proof checked offline with the public key alone.
        Assert.StartsWith("audit: intact.", await CliAsync("audit", "verify", "--db", database), StringComparison.Ordinal);
        var key = Path.Combine(_directory, "checkpoint.pem");
        var proof = Path.Combine(_directory, "proof.json");
        await CliAsync("audit", "keygen", "--out", key);
        await CliAsync("audit", "checkpoint", "--key", key, "--out", Path.Combine(_directory, "worm"), "--db", database);
        await CliAsync("audit", "prove", turns[6].Id, "--out", proof, "--db", database);
        var verified = await CliAsync("audit", "verify-proof", proof, "--public-key", Path.Combine(_directory, "checkpoint.pub.pem"));
        Assert.StartsWith($"valid: exchange {turns[6].Id}", verified, StringComparison.Ordinal);

        // The export carries each entry's whole masked body, as it did when bodies were stored whole.
        var exported = await Eventually.ValueAsync(
            () =>
            {
                var bodies = ExportedBodies();
                return Task.FromResult(turns.All(t => bodies.ContainsKey((t.Id, "exchange.outcome"))) ? bodies : null);
            },
            "every turn's outcome in the export file");
        foreach (var (id, prompt, response) in turns)
        {
            Assert.Equal(prompt, exported[(id, "exchange.intent")]);
            Assert.Contains(response, exported[(id, "exchange.outcome")], StringComparison.Ordinal);
        }

        // The store grew by the distinct content, not by every request: a fraction of what was sent.
        var grown = LogicalSize(database) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"{Turns} turns: {sent} bytes of requests, the store grew by {grown} bytes");
        Assert.True(grown < sent / 3, $"the store grew by {grown} bytes for {sent} bytes of requests");
        Assert.Equal(0, await serve.InterruptAsync());
    }

    private async Task<string> CliAsync(params string[] args)
    {
        var result = await GatehouseProcess.RunAsync(_directory, args);
        Assert.True(result.ExitCode == 0, $"gatehouse {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}{result.Output}");
        return result.Output;
    }

    private static long RequestBytes(List<ChatMessage> messages, ChatCompletionOptions options)
    {
        var size = messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m.Content.Count > 0 ? m.Content[0].Text : ""));
        return size + options.Tools.Sum(t => (long)t.FunctionParameters.ToMemory().Length + t.FunctionDescription.Length);
    }

    // Each exported entry's body by exchange and kind; delivery is at least once, so a repeated event may come again.
    private Dictionary<(string Id, string Kind), string> ExportedBodies()
    {
        var bodies = new Dictionary<(string Id, string Kind), string>();
        foreach (var e in JsonLinesFile.Read(Path.Combine(_directory, "export", "audit.jsonl")).Where(e => e.TryGetProperty("body", out _)))
        {
            bodies[(e.GetProperty("id").GetString()!, e.GetProperty("kind").GetString()!)] = e.GetProperty("body").GetString()!;
        }

        return bodies;
    }

    // The database as a reader sees it, write-ahead log included: its page count times its page size.
    private static long LogicalSize(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (long)command.ExecuteScalar()!;
    }

    private static string DatabasePath(string output)
    {
        var start = output.IndexOf(Ready, StringComparison.Ordinal) + Ready.Length;
        return output[start..output.IndexOf('\n', start)].Trim();
    }
}
