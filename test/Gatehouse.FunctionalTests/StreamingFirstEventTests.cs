using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// A streamed answer's first event reaches the client as soon as the upstream has sent it, masked both ways and with a
/// response rule that could hold tool calls (the load benchmark's shape): the upstream sends its first text event and
/// then waits until the client has that event's text before it sends anything more. Only text that could still turn
/// out to be part of a secret may wait for the next event.
/// </summary>
public sealed class StreamingFirstEventTests : GatewayTest
{
    // The load benchmark's policy shape (BenchPolicy): a response rule on tool calls that this answer never matches,
    // so the gateway may hold the response, then the rule that allows the caller.
    private const string Policy = """
        default: deny
        rules:
          - name: contractors-never-prod
            match: {groups: [contractors], connections: ['prod*']}
            effect: deny
          - name: auth-edits-need-review
            match:
              direction: response
              tool_calls: {paths: ['**/auth/**', '**/*.pem']}
            effect: require_approval
            approval: {reviewer_groups: [security]}
          - name: developers
            match: {groups: [dev]}
            effect: allow
        """;

    // The upstream gives up waiting after this and sends the rest, so that a failing test ends and says why.
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);
    private static readonly string OpenAIKey = BuiltInRules.All.Single(r => r.Id == "openai-project-key").Example;
    private string _policyPath = "";

    public enum Api
    {
        OpenAIChat,
        Responses,
        AnthropicMessages,
    }

    public static TheoryData<Api, string, string, string, string> Answers()
    {
        var data = new TheoryData<Api, string, string, string, string>();
        foreach (var api in Enum.GetValues<Api>())
        {
            // Plain text: the whole first event may go at once.
            data.Add(api, "The lambda captures nothing, but Where allocates an iterator. ", "And a delegate per call.",
                "The lambda captures nothing, but Where allocates an iterator. ", "The lambda captures nothing, but Where allocates an iterator. And a delegate per call.");

            // Text that ends in what could begin a key: only that tail may wait; the line before it may not.
            data.Add(api, "Set it in your shell first.\nexport OPENAI_API_KEY=sk-", $"{OpenAIKey["sk-".Length..]} and run it.",
                "Set it in your shell first.\n", "Set it in your shell first.\nexport OPENAI_API_KEY=[MASKED:openai-project-key] and run it.");
        }

        return data;
    }

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-first-event-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with { Policy = new PolicyConfig { File = _policyPath } };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task FirstEvent_UpstreamWaitsForTheClient_ClientGetsItsSafeTextBeforeTheRestIsSent(
        Api api, string first, string rest, string mustArrive, string whole)
    {
        var cancel = TestContext.Current.CancellationToken;
        var clientHasFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? gaveUpHaving = null;
        var received = new StringBuilder();
        var (head, tail) = Events(api, first, rest);
        Upstream.Handler = async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync(context.RequestAborted);
            await WriteAsync(context, head);
            try
            {
                await clientHasFirst.Task.WaitAsync(SafetyTimeout, context.RequestAborted);
            }
            catch (TimeoutException)
            {
                lock (received)
                {
                    gaveUpHaving = received.ToString();
                }
            }

            await WriteAsync(context, tail);
        };

        using var client = Gateway.Client(Gateway.Token("fay", "dev"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Route(api)) { Content = new StringContent(RequestBody(api), Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        await using var body = await response.Content.ReadAsStreamAsync(cancel);
        var buffer = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(buffer, cancel)) > 0)
        {
            string sse;
            lock (received)
            {
                sse = received.Append(Encoding.UTF8.GetString(buffer, 0, read)).ToString();
            }

            if (AssembledText(sse).StartsWith(mustArrive, StringComparison.Ordinal))
            {
                clientHasFirst.TrySetResult();
            }
        }

        Assert.True(gaveUpHaving is null,
            $"the client did not get \"{mustArrive}\" within {SafetyTimeout.TotalSeconds} s of the upstream sending it; it had received only: \"{gaveUpHaving}\"");
        Assert.Equal(whole, AssembledText(received.ToString()));
        Assert.DoesNotContain(OpenAIKey["sk-proj-".Length..], received.ToString(), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("fay");
        Assert.Equal(whole, record.Outcome!.Response);
    }

    private static async Task WriteAsync(HttpContext context, IEnumerable<string> events)
    {
        foreach (var e in events)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(e), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static string Route(Api api) => api switch
    {
        Api.OpenAIChat => "openai/v1/chat/completions",
        Api.Responses => "openai/v1/responses",
        _ => "anthropic/v1/messages",
    };

    private static string RequestBody(Api api) => api switch
    {
        Api.OpenAIChat => """{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"Why does this allocate?"}]}""",
        Api.Responses => """{"model":"gpt-test","stream":true,"input":"Why does this allocate?"}""",
        _ => """{"model":"claude-test","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"Why does this allocate?"}]}""",
    };

    // The events up to and including the first text delta, and the rest of the stream.
    private static (List<string> Head, List<string> Tail) Events(Api api, string first, string rest)
    {
        List<string> events = api switch
        {
            Api.OpenAIChat => [.. OpenAIShapes.StreamEvents([first, rest])],
            Api.Responses => ResponsesEvents(first, rest),
            _ => [.. AnthropicShapes.StreamEvents([first, rest])],
        };
        var split = events.FindIndex(e => e.Contains(JsonSerializer.Serialize(first)[1..^1], StringComparison.Ordinal)) + 1;
        return (events[..split], events[split..]);
    }

    private static List<string> ResponsesEvents(string first, string rest)
    {
        var text = first + rest;
        var part = new { type = "output_text", text, annotations = Array.Empty<object>() };
        var item = new { id = "msg_1", type = "message", role = "assistant", status = "completed", content = new[] { part } };
        return
        [
            Sse.Event("response.created", Json(new { type = "response.created", sequence_number = 0, response = new { id = "resp_1", @object = "response", created_at = 1, status = "in_progress", model = "gpt-test", output = Array.Empty<object>() } })),
            Sse.Event("response.output_item.added", Json(new { type = "response.output_item.added", sequence_number = 1, output_index = 0, item = new { id = "msg_1", type = "message", role = "assistant", status = "in_progress", content = Array.Empty<object>() } })),
            Sse.Event("response.content_part.added", Json(new { type = "response.content_part.added", sequence_number = 2, item_id = "msg_1", output_index = 0, content_index = 0, part = new { type = "output_text", text = "", annotations = Array.Empty<object>() } })),
            Sse.Event("response.output_text.delta", Json(new { type = "response.output_text.delta", sequence_number = 3, item_id = "msg_1", output_index = 0, content_index = 0, delta = first })),
            Sse.Event("response.output_text.delta", Json(new { type = "response.output_text.delta", sequence_number = 4, item_id = "msg_1", output_index = 0, content_index = 0, delta = rest })),
            Sse.Event("response.output_text.done", Json(new { type = "response.output_text.done", sequence_number = 5, item_id = "msg_1", output_index = 0, content_index = 0, text })),
            Sse.Event("response.content_part.done", Json(new { type = "response.content_part.done", sequence_number = 6, item_id = "msg_1", output_index = 0, content_index = 0, part })),
            Sse.Event("response.output_item.done", Json(new { type = "response.output_item.done", sequence_number = 7, output_index = 0, item })),
            Sse.Event("response.completed", Json(new { type = "response.completed", sequence_number = 8, response = new { id = "resp_1", @object = "response", created_at = 1, status = "completed", model = "gpt-test", output = new[] { item } } })),
        ];
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    // The answer's text as a client assembles it from the events received whole so far (each API's text deltas).
    private static string AssembledText(string sse)
    {
        var end = sse.LastIndexOf("\n\n", StringComparison.Ordinal);
        var text = new StringBuilder();
        foreach (var line in sse[..Math.Max(0, end)].Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var data = JsonDocument.Parse(line[6..]);
            var root = data.RootElement;
            if (root.TryGetProperty("choices", out var choices))
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                    {
                        text.Append(content.GetString());
                    }
                }
            }
            else if (root.GetProperty("type").GetString() is "content_block_delta" && root.GetProperty("delta").TryGetProperty("text", out var piece))
            {
                text.Append(piece.GetString());
            }
            else if (root.GetProperty("type").GetString() is "response.output_text.delta")
            {
                text.Append(root.GetProperty("delta").GetString());
            }
        }

        return text.ToString();
    }
}
