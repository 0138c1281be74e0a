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
public sealed class ResponseBypassTests : IAsyncLifetime
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

    // ---- Chat Completions: logprobs, legacy function_call, custom tool calls ----

    [Fact]
    public async Task ChatLogprobs_SecretAsAToken_IsDroppedOnAMaskingConnection()
    {
        var logprob = new { token = Secret, logprob = -0.1, bytes = Encoding.UTF8.GetBytes(Secret).Select(b => (int)b), top_logprobs = new[] { new { token = Secret, logprob = -0.1, bytes = Encoding.UTF8.GetBytes(Secret).Select(b => (int)b) } } };
        Reply(Json(new
        {
            id = "chatcmpl-1", @object = "chat.completion", created = 1, model = "gpt-test",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = "ok" }, logprobs = new { content = new[] { logprob }, refusal = (object?)null }, finish_reason = "stop" } },
        }));

        var body = await PostAsync("ana", "openai/v1/chat/completions", ChatRequest(stream: false));

        var choice = JsonNode.Parse(body)!["choices"]![0]!;
        Assert.Equal("ok", (string?)choice["message"]!["content"]);
        Assert.Null(choice["logprobs"]);
        Assert.DoesNotContain(ByteList(Secret), body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await AssertNoLeakAsync("ana", body);
    }

    [Fact]
    public async Task ChatLogprobs_Streamed_SecretAsAToken_IsDropped()
    {
        var logprobs = new { content = new[] { new { token = Secret, logprob = -0.1, bytes = (int[]?)null, top_logprobs = new[] { new { token = Secret, logprob = -0.2, bytes = (int[]?)null } } } } };
        ReplyStream(
            Sse.Data(Json(new { id = "c", @object = "chat.completion.chunk", created = 1, model = "gpt-test", choices = new[] { new { index = 0, delta = new { role = "assistant", content = "a" }, logprobs, finish_reason = (string?)null } } })),
            Sse.Data(OpenAIShapes.Chunk(new { }, "stop")),
            "data: [DONE]\n\n");

        var body = await PostAsync("bea", "openai/v1/chat/completions", ChatRequest(stream: true));

        Assert.Contains("data: [DONE]", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("bea", body);
    }

    [Fact]
    public async Task ChatLegacyFunctionCall_SecretInArguments_IsMasked()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, function_call = new { name = "set_token", arguments = Json(new { token = Secret }) } }, "function_call"));

        var body = await PostAsync("cai", "openai/v1/chat/completions", ChatRequest(stream: false));

        var call = JsonNode.Parse(body)!["choices"]![0]!["message"]!["function_call"]!;
        Assert.Equal("set_token", (string?)call["name"]);
        Assert.Contains("[MASKED:github-pat]", (string?)call["arguments"], StringComparison.Ordinal);
        var record = await AssertNoLeakAsync("cai", body);
        Assert.Equal("set_token", Assert.Single(record.Outcome!.ToolCalls).Name);
    }

    [Fact]
    public async Task ChatLegacyFunctionCall_Streamed_SecretSplitAcrossDeltas_IsMasked()
    {
        var arguments = Json(new { token = Secret });
        var cut = arguments.IndexOf(Secret, StringComparison.Ordinal) + 8;
        ReplyStream(
            Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", content = (string?)null, function_call = new { name = "set_token", arguments = "" } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { function_call = new { arguments = arguments[..cut] } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { function_call = new { arguments = arguments[cut..] } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { }, "function_call")),
            "data: [DONE]\n\n");

        var body = await PostAsync("dee", "openai/v1/chat/completions", ChatRequest(stream: true));

        Assert.Contains("[MASKED:github-pat]", AssembledArguments(body, "function_call"), StringComparison.Ordinal);
        var record = await AssertNoLeakAsync("dee", body);
        Assert.Equal("set_token", Assert.Single(record.Outcome!.ToolCalls).Name);
    }

    [Fact]
    public async Task ChatCustomToolCall_SecretInInput_IsMasked()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "custom", custom = new { name = "shell", input = $"export TOKEN={Secret}" } } } }, "tool_calls"));

        var body = await PostAsync("eli", "openai/v1/chat/completions", ChatRequest(stream: false));

        var input = (string?)JsonNode.Parse(body)!["choices"]![0]!["message"]!["tool_calls"]![0]!["custom"]!["input"];
        Assert.Equal("export TOKEN=[MASKED:github-pat]", input);
        var record = await AssertNoLeakAsync("eli", body);
        Assert.Equal("shell", Assert.Single(record.Outcome!.ToolCalls).Name);
    }

    [Fact]
    public async Task ChatCustomToolCall_Streamed_SecretSplitAcrossDeltas_IsMasked()
    {
        var input = $"export TOKEN={Secret}\n";
        var cut = input.IndexOf(Secret, StringComparison.Ordinal) + 8;
        ReplyStream(
            Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", tool_calls = new[] { new { index = 0, id = "call_1", type = "custom", custom = new { name = "shell", input = input[..cut] } } } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { tool_calls = new[] { new { index = 0, custom = new { input = input[cut..] } } } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { }, "tool_calls")),
            "data: [DONE]\n\n");

        var body = await PostAsync("fay", "openai/v1/chat/completions", ChatRequest(stream: true));

        Assert.Contains("[MASKED:github-pat]", AssembledArguments(body, "custom"), StringComparison.Ordinal);
        var record = await AssertNoLeakAsync("fay", body);
        Assert.Equal("shell", Assert.Single(record.Outcome!.ToolCalls).Name);
    }

    [Fact]
    public async Task ChatAudio_SecretSpokenAndInTheTranscript_IsNotReleased()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, audio = new { id = "audio_1", data = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)), transcript = $"the token is {Secret}", expires_at = 1 } }, "stop"));

        using var client = _gateway.Client(_gateway.Token("gus", "dev"));
        var body = await ReadWhatArrivesAsync(client, "openai/v1/chat/completions", ChatRequest(stream: false));

        var record = await AssertNoLeakAsync("gus", body);
        Assert.Equal("response_unreadable", record.Outcome!.Failure);
    }

    // ---- Responses: file_search_call results ----

    [Fact]
    public async Task ResponsesFileSearchResults_SecretInResultText_IsMasked()
    {
        Reply(Json(new
        {
            id = "resp_1", @object = "response", created_at = 1, status = "completed", model = "gpt-test",
            output = new object[]
            {
                new { id = "fs_1", type = "file_search_call", status = "completed", queries = new[] { "token" }, results = new[] { new { file_id = "file_1", filename = "notes.md", score = 0.9, text = $"the deploy token is {Secret}" } } },
                new { id = "msg_1", type = "message", role = "assistant", status = "completed", content = new[] { new { type = "output_text", text = "Found it.", annotations = Array.Empty<object>() } } },
            },
        }));

        var body = await PostAsync("gil", "openai/v1/responses", ResponsesRequest(stream: false));

        Assert.Contains("[MASKED:github-pat]", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("gil", body);
    }

    [Fact]
    public async Task ResponsesFileSearchResults_Streamed_SecretInResultText_IsMasked()
    {
        var item = new { id = "fs_1", type = "file_search_call", status = "completed", queries = new[] { "token" }, results = new[] { new { file_id = "file_1", filename = "notes.md", score = 0.9, text = $"the deploy token is {Secret}" } } };
        var response = new { id = "resp_1", @object = "response", created_at = 1, status = "completed", model = "gpt-test", output = new object[] { item } };
        ReplyStream(
            Sse.Event("response.created", Json(new { type = "response.created", sequence_number = 0, response = new { id = "resp_1", @object = "response", created_at = 1, status = "in_progress", model = "gpt-test", output = Array.Empty<object>() } })),
            Sse.Event("response.output_item.added", Json(new { type = "response.output_item.added", sequence_number = 1, output_index = 0, item = new { id = "fs_1", type = "file_search_call", status = "in_progress", queries = Array.Empty<string>(), results = (object?)null } })),
            Sse.Event("response.output_item.done", Json(new { type = "response.output_item.done", sequence_number = 2, output_index = 0, item })),
            Sse.Event("response.completed", Json(new { type = "response.completed", sequence_number = 3, response })));

        var body = await PostAsync("hal", "openai/v1/responses", ResponsesRequest(stream: true));

        Assert.Contains("response.completed", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("hal", body);
    }

    // ---- Anthropic Messages: citations ----

    [Fact]
    public async Task AnthropicCitations_SecretInCitedText_IsMasked()
    {
        Reply(Json(new
        {
            id = "msg_1", type = "message", role = "assistant", model = "claude-test", stop_reason = "end_turn", stop_sequence = (string?)null,
            content = new[] { new { type = "text", text = "The document gives a token.", citations = new[] { new { type = "char_location", cited_text = $"token: {Secret}", document_index = 0, document_title = "notes", start_char_index = 0, end_char_index = 50 } } } },
            usage = new { input_tokens = 10, output_tokens = 5 },
        }));

        var body = await PostAsync("ian", "anthropic/v1/messages", MessagesRequest(stream: false));

        Assert.Contains("[MASKED:github-pat]", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("ian", body);
    }

    [Fact]
    public async Task AnthropicCitations_Streamed_SecretInCitationsDelta_IsMaskedAndTheStreamEnds()
    {
        var events = AnthropicShapes.StreamEvents(["The document gives a token."]).ToList();
        var stop = events.FindIndex(e => e.StartsWith("event: content_block_stop", StringComparison.Ordinal));
        events.Insert(stop, Sse.Event("content_block_delta", Json(new
        {
            type = "content_block_delta", index = 0,
            delta = new { type = "citations_delta", citation = new { type = "char_location", cited_text = $"token: {Secret}", document_index = 0, document_title = "notes", start_char_index = 0, end_char_index = 50 } },
        })));
        ReplyStream([.. events]);

        var body = await PostAsync("jo", "anthropic/v1/messages", MessagesRequest(stream: true));

        Assert.Contains("[MASKED:github-pat]", body, StringComparison.Ordinal);
        Assert.Contains("event: message_stop", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("jo", body);
    }

    // ---- Tool-call shapes against a response hold ----

    [Fact]
    public async Task HeldLegacyFunctionCall_IsHeldLikeACurrentToolCall()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, function_call = new { name = "edit_file", arguments = AuthEdit } }, "function_call"));

        var body = await PostAsync("kim", "openai/v1/chat/completions", ChatRequest(stream: false), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("kim")).Outcome!.ResponseHold!.Outcome);
    }

    [Fact]
    public async Task HeldLegacyFunctionCall_Streamed_IsHeldNotStreamedOut()
    {
        var half = AuthEdit.Length / 2;
        ReplyStream(
            Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", content = "Editing. " }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { function_call = new { name = "edit_file", arguments = AuthEdit[..half] } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { function_call = new { arguments = AuthEdit[half..] } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { }, "function_call")),
            "data: [DONE]\n\n");

        var body = await PostAsync("lou", "openai/v1/chat/completions", ChatRequest(stream: true), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("lou")).Outcome!.ResponseHold!.Outcome);
    }

    [Fact]
    public async Task HeldCustomToolCall_IsHeldLikeACurrentToolCall()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "custom", custom = new { name = "apply_patch", input = AuthPatch } } } }, "tool_calls"));

        var body = await PostAsync("max", "openai/v1/chat/completions", ChatRequest(stream: false), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("max")).Outcome!.ResponseHold!.Outcome);
    }

    [Fact]
    public async Task HeldCustomToolCall_Streamed_IsHeldNotStreamedOut()
    {
        var half = AuthPatch.Length / 2;
        ReplyStream(
            Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", tool_calls = new[] { new { index = 0, id = "call_1", type = "custom", custom = new { name = "apply_patch", input = AuthPatch[..half] } } } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { tool_calls = new[] { new { index = 0, custom = new { input = AuthPatch[half..] } } } }, null)),
            Sse.Data(OpenAIShapes.Chunk(new { }, "tool_calls")),
            "data: [DONE]\n\n");

        var body = await PostAsync("ned", "openai/v1/chat/completions", ChatRequest(stream: true), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("ned")).Outcome!.ResponseHold!.Outcome);
    }

    // ---- Stored responses fetched again by id ----

    [Fact]
    public async Task StoredResponseFetchedById_AfterItsHoldRefusedIt_IsRefused()
    {
        var stored = Json(new
        {
            id = "resp_held", @object = "response", created_at = 1, status = "completed", model = "gpt-test",
            output = new[] { new { id = "fc_1", type = "function_call", status = "completed", call_id = "call_1", name = "edit_file", arguments = AuthEdit } },
        });
        Reply(stored);
        var held = await PostAsync("ola", "openai/v1/responses", ResponsesRequest(stream: false), "dev", "reviewed-responses");
        AssertRefusedByHold(held);

        using var client = _gateway.Client(_gateway.Token("ola", "dev", "reviewed-responses"));
        foreach (var path in new[] { "openai/v1/responses/resp_held", "openai/v1/chat/completions/chatcmpl-1", "openai/v1/chat/completions" })
        {
            using var again = await client.GetAsync(path, TestContext.Current.CancellationToken);
            var body = await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
            Assert.Contains("response_hold_unavailable", body, StringComparison.Ordinal);
            Assert.DoesNotContain("login.cs", body, StringComparison.Ordinal);
        }

        Assert.Single(_upstream.Received);
    }

    // ---- JSON responses of endpoints no adapter understands ----

    [Theory]
    [InlineData("GET", "openai/v1/responses/resp_1")]
    [InlineData("GET", "openai/v1/chat/completions/chatcmpl-1")]
    [InlineData("GET", "openai/v1/chat/completions/chatcmpl-1/messages")]
    [InlineData("POST", "openai/v1/completions")]
    [InlineData("GET", "openai/v1/batches/batch_1")]
    [InlineData("GET", "anthropic/v1/messages/batches/msgbatch_1")]
    public async Task UnknownEndpointJson_SecretInValuesAndNames_IsMasked(string method, string path)
    {
        Reply(Json(new Dictionary<string, object>
        {
            ["id"] = "x_1",
            ["choices"] = new[] { new { index = 0, text = $"the token is {Secret}", message = new { role = "assistant", content = $"token {Secret}" } } },
            ["output"] = new[] { new { type = "message", content = new[] { new { type = "output_text", text = Secret } } } },
            [Secret] = true,
        }));
        var user = "pam" + method.Length + path.Length;

        using var client = _gateway.Client(_gateway.Token(user, "dev"));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"model":"gpt-test","prompt":"hi"}""", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[MASKED:github-pat]", body, StringComparison.Ordinal);
        Assert.Equal("x_1", (string?)JsonNode.Parse(body)!["id"]);
        await AssertNoLeakAsync(user, body);
    }

    [Fact]
    public async Task AnthropicBatchResults_JsonLines_EachLineIsMasked()
    {
        string Line(string id) => Json(new
        {
            custom_id = id,
            result = new { type = "succeeded", message = new { id = "msg_" + id, type = "message", role = "assistant", model = "claude-test", content = new[] { new { type = "text", text = $"token {Secret}" } } } },
        });
        _upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/binary";
            return context.Response.WriteAsync(Line("a") + "\n" + Line("b") + "\n");
        };

        using var client = _gateway.Client(_gateway.Token("quy", "dev"));
        using var response = await client.GetAsync("anthropic/v1/messages/batches/msgbatch_1/results", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains("[MASKED:github-pat]", (string?)JsonNode.Parse(l)!["result"]!["message"]!["content"]![0]!["text"], StringComparison.Ordinal));
        await AssertNoLeakAsync("quy", body);
    }

    [Fact]
    public async Task UnknownEndpointEventStream_SecretInEventData_IsMasked()
    {
        ReplyStream(
            Sse.Event("response.output_text.delta", Json(new { type = "response.output_text.delta", sequence_number = 1, output_index = 0, content_index = 0, delta = $"token {Secret}" })),
            Sse.Event("response.completed", Json(new { type = "response.completed", sequence_number = 2 })));

        using var client = _gateway.Client(_gateway.Token("ray", "dev"));
        using var response = await client.GetAsync("openai/v1/responses/resp_1?stream=true", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("[MASKED:github-pat]", body, StringComparison.Ordinal);
        Assert.Contains("event: response.completed", body, StringComparison.Ordinal);
        await AssertNoLeakAsync("ray", body);
    }

    [Fact]
    public async Task UnknownEndpointBinaryBody_IsNotForwardedRaw()
    {
        var bytes = new byte[] { 0, 1, 2, 0xff, 0xfe }.Concat(Encoding.UTF8.GetBytes(Secret)).ToArray();
        _upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/octet-stream";
            return context.Response.Body.WriteAsync(bytes).AsTask();
        };

        using var client = _gateway.Client(_gateway.Token("sam", "dev"));
        var body = await ReadWhatArrivesAsync(client, "openai/v1/files/file_1/content");

        var record = await AssertNoLeakAsync("sam", body);
        Assert.Equal("response_unreadable", record.Outcome!.Failure);
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
