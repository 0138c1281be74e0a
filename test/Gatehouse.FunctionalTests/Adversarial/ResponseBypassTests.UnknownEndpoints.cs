using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

public sealed partial class ResponseBypassTests
{
    // ---- JSON responses of endpoints no adapter understands ----

    [Theory]
    [InlineData("GET", "openai/v1/responses/resp_1")]
    [InlineData("GET", "openai/v1/chat/completions/chatcmpl-1")]
    [InlineData("GET", "openai/v1/chat/completions/chatcmpl-1/messages")]
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
}
