using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// Response fields, tool-call shapes and endpoints that once carried model text past masking and response holds: each
/// upstream answer here carries a secret (or a tool call a rule holds) where the gateway did not look before.
/// </summary>
public sealed partial class ResponseBypassTests : IAsyncLifetime
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: auth-edits
            match: {direction: response, groups: [reviewed], tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            approval: {reviewer_groups: [security], wait: 1s}
          - name: auth-edits-in-responses
            match: {direction: response, api: [responses], groups: [reviewed-responses], tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            approval: {reviewer_groups: [security], wait: 1s}
        """;

    private static readonly string Secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private static readonly string AuthEdit = ToolCallShapes.EditArguments("src/auth/login.cs");
    private static readonly string AuthPatch = "*** Begin Patch\n*** Update File: src/auth/login.cs\n@@\n-return false;\n+return true;\n*** End Patch\n";
    private readonly CapturedLogs _logs = new();
    private readonly string _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-response-bypass-{Guid.NewGuid():N}.yaml");
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_policyPath, Policy);
        _upstream = await FakeUpstream.StartAsync();
        _gateway = await GatewayUnderTest.StartAsync(_upstream, config => config with { Policy = new PolicyConfig { File = _policyPath } }, _logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        File.Delete(_policyPath);
    }

    private static string ChatRequest(bool stream) => Json(new { model = "gpt-test", stream, messages = new[] { new { role = "user", content = "hi" } } });

    private static string ResponsesRequest(bool stream) => Json(new { model = "gpt-test", stream, input = "hi" });

    private static string MessagesRequest(bool stream) => Json(new { model = "claude-test", max_tokens = 64, stream, messages = new[] { new { role = "user", content = "hi" } } });

    private static string ChatMessage(object message, string finish) => Json(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1, model = "gpt-test",
        choices = new[] { new { index = 0, message, finish_reason = finish } },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string ByteList(string text) => string.Join(",", Encoding.UTF8.GetBytes(text).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // The argument text of the first tool call of a chat stream: field "function_call" (legacy) or "custom" (custom tool).
    private static string AssembledArguments(string body, string shape)
    {
        var text = new StringBuilder();
        foreach (var line in body.Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            var delta = JsonNode.Parse(line[6..])!["choices"]?[0]?["delta"];
            var piece = shape == "function_call"
                ? delta?["function_call"]?["arguments"]
                : delta?["tool_calls"]?[0]?["custom"]?["input"];
            text.Append((string?)piece);
        }

        return text.ToString();
    }

    private static void AssertRefusedByHold(string body)
    {
        Assert.Contains("no reviewer approved it", body, StringComparison.Ordinal);
        Assert.DoesNotContain("login.cs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"function_call\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"custom\"", body, StringComparison.Ordinal);
    }

    // A refused response may end in a problem document or in a cut connection; either way, this is what the client read.
    private static async Task<string> ReadWhatArrivesAsync(HttpClient client, string path, string? json = null)
    {
        try
        {
            using var response = json is null
                ? await client.GetAsync(path, TestContext.Current.CancellationToken)
                : await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            return body;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private void Reply(string json) => _upstream.Handler = (context, _) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    };

    private void ReplyStream(params string[] events) => _upstream.Handler = (context, _) => Sse.WriteAsync(context, events);

    private async Task<string> PostAsync(string user, string path, string json, params string[] groups)
    {
        using var client = _gateway.Client(_gateway.Token(user, groups.Length == 0 ? ["dev"] : groups));
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private Task<ExchangeRecord> WaitForExchangeAsync(string user)
        => Eventually.ValueAsync(
            async () =>
            {
                await using var store = _gateway.OpenStore();
                var page = await store.SearchAsync(new ExchangeQuery { User = user }, CancellationToken.None);
                Assert.True(page.Items.Count <= 1, $"{user} has {page.Items.Count} exchanges; expected one");
                return page.Items is [{ Outcome: not null } record] ? record : null;
            },
            $"the outcome of {user}'s exchange");

    private async Task<ExchangeRecord> AssertNoLeakAsync(string user, string clientBody)
    {
        var record = await WaitForExchangeAsync(user);
        await LeakCheck.AssertAbsentAsync(Secret, clientBody, _logs, _gateway.DatabasePath);
        return record;
    }
}
