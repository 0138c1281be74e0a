using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.FunctionalTests.Infrastructure;

namespace Gatehouse.FunctionalTests.Adversarial;

public sealed partial class ResponseBypassTests
{
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
}
