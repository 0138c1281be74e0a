using System.Net;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;

namespace Gatehouse.FunctionalTests.Adversarial;

public sealed partial class ResponseBypassTests
{
    // ---- Tool-call shapes against a response hold ----

    [Fact]
    public async Task HeldLegacyFunctionCall_IsHeldLikeACurrentToolCall()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, function_call = new { name = "edit_file", arguments = AuthEdit } }, "function_call"));

        var body = await PostAsync("kim", "openai/v1/chat/completions", ChatRequest(stream: false), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("kim")).Outcome!.ResponseHold!.Outcome.ToName());
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
        Assert.Equal("timed_out", (await WaitForExchangeAsync("lou")).Outcome!.ResponseHold!.Outcome.ToName());
    }

    [Fact]
    public async Task HeldCustomToolCall_IsHeldLikeACurrentToolCall()
    {
        Reply(ChatMessage(new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "custom", custom = new { name = "apply_patch", input = AuthPatch } } } }, "tool_calls"));

        var body = await PostAsync("max", "openai/v1/chat/completions", ChatRequest(stream: false), "dev", "reviewed");

        AssertRefusedByHold(body);
        Assert.Equal("timed_out", (await WaitForExchangeAsync("max")).Outcome!.ResponseHold!.Outcome.ToName());
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
        Assert.Equal("timed_out", (await WaitForExchangeAsync("ned")).Outcome!.ResponseHold!.Outcome.ToName());
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
}
