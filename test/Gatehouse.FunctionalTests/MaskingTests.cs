using System.ClientModel;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Policy;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>Secrets are masked both ways, streams included, whatever the upstream's chunking; the audit holds none.</summary>
public sealed class MaskingTests : GatewayTest
{
    private static readonly string GitHubToken = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    protected override GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Connections =
        [
            .. config.Connections,
            config.Connections.Single(c => c.Name == "openai") with
            {
                Name = "strict",
                Masking = new ConnectionMaskingConfig { Request = MaskingMode.Block, Response = MaskingMode.Block },
            },
        ],
    };

    [Fact]
    public async Task StreamedResponse_TokenSplitAcrossFiveEvents_ClientAndAuditSeeNoPartOfIt()
    {
        var text = $"Use this token: {GitHubToken} and keep it safe.";
        var start = text.IndexOf(GitHubToken, StringComparison.Ordinal);
        int[] cuts = [start + 3, start + 9, start + 17, start + 30];
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(Split(text, cuts)));

        var received = "";
        await foreach (var update in Chat("vera").CompleteChatStreamingAsync([new UserChatMessage("token?")], cancellationToken: TestContext.Current.CancellationToken))
        {
            received += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Equal("Use this token: [MASKED:github-pat] and keep it safe.", received);
        var record = await Gateway.WaitForExchangeAsync("vera");
        Assert.Equal("Use this token: [MASKED:github-pat] and keep it safe.", record.Outcome!.Response);
        var finding = Assert.Single(record.Outcome.Findings);
        Assert.Equal(("github-pat", "response", "content"), (finding.Rule, finding.Direction, finding.Field));
        Assert.Contains("masking.response", record.Outcome.Coverage);
        await AssertNotStoredAsync(GitHubToken);
    }

    [Fact]
    public async Task StreamedResponse_TokenSplitAtEveryOffset_NeverReachesTheClient()
    {
        var text = $"token={GitHubToken}\n";
        var token = Gateway.Token("walt");
        using var client = Gateway.Client(token);
        for (var cut = 1; cut < text.Length; cut++)
        {
            var pieces = Split(text, [cut]);
            Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));

            using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal("token=[MASKED:github-pat]\n", Sse.AssembledChatContent(body));
            Assert.DoesNotContain(GitHubToken[4..12], body, StringComparison.Ordinal);
        }

        await AssertNotStoredAsync(GitHubToken);
    }

    [Fact]
    public async Task Prompt_WithAnAwsKey_UpstreamAndAuditNeverSeeIt()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));

        await Chat("xena").CompleteChatAsync([new UserChatMessage($"deploy with AWS_ACCESS_KEY_ID={AwsKeyId} please")], cancellationToken: TestContext.Current.CancellationToken);

        var forwarded = Assert.Single(Upstream.Received).BodyText;
        Assert.DoesNotContain(AwsKeyId, forwarded, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID=[MASKED:aws-access-key-id] please", forwarded, StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("xena");
        Assert.Contains("[MASKED:aws-access-key-id]", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Equal(("aws-access-key-id", "request"), (Assert.Single(record.Intent.Findings).Rule, record.Intent.Findings[0].Direction));
        Assert.Contains("masking.request", record.Outcome!.Coverage);
        await AssertNotStoredAsync(AwsKeyId);
    }

    [Fact]
    public async Task Prompt_WithASecretHiddenInJsonEscapes_IsDecodedMaskedAndNeverForwarded()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));
        var escaped = string.Concat(GitHubToken.Select(c => $"\\u{(int)c:x4}"));

        using var response = await Gateway.Client(Gateway.Token("ida")).PostAsync("openai/v1/chat/completions",
            new StringContent($$$"""{"model":"gpt-test","messages":[{"role":"user","content":"token {{{escaped}}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(Upstream.Received).BodyText;
        Assert.Contains("[MASKED:github-pat]", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(escaped[..30], forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken[4..14], forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompressedPrompt_IsRefused_RatherThanForwardedUninspected()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes($$"""{"model":"gpt-test","messages":[{"role":"user","content":"{{AwsKeyId}}"}]}"""), TestContext.Current.CancellationToken);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await Gateway.Client(Gateway.Token("jon")).PostAsync("openai/v1/chat/completions", content, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task StreamedToolCall_SecretInArguments_ArgumentsStayValidJsonAndMasked()
    {
        var arguments = JsonSerializer.Serialize(new { path = "config/settings.env", content = $"GITHUB_TOKEN={GitHubToken}\n" });
        var pieces = Split(arguments, [10, 40, 52, 60]);
        var events = new List<string> { Sse.Data(OpenAIShapes.Chunk(new { role = "assistant", tool_calls = new[] { new { index = 0, id = "call_1", type = "function", function = new { name = "write_file", arguments = "" } } } }, null)) };
        events.AddRange(pieces.Select(p => Sse.Data(OpenAIShapes.Chunk(new { tool_calls = new[] { new { index = 0, function = new { arguments = p } } } }, null))));
        events.Add(Sse.Data(OpenAIShapes.Chunk(new { }, "tool_calls")));
        events.Add("data: [DONE]\n\n");
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, events);

        var assembled = new StringBuilder();
        await foreach (var update in Chat("yuri").CompleteChatStreamingAsync([new UserChatMessage("write it")], cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                assembled.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        using var parsed = JsonDocument.Parse(assembled.ToString());
        Assert.Equal("GITHUB_TOKEN=[MASKED:github-pat]\n", parsed.RootElement.GetProperty("content").GetString());
        var record = await Gateway.WaitForExchangeAsync("yuri");
        Assert.Equal("tool_arguments", Assert.Single(record.Outcome!.Findings).Field);
        await AssertNotStoredAsync(GitHubToken);
    }

    [Fact]
    public async Task AnthropicStream_SecretSplitAcrossDeltas_IsMasked()
    {
        var text = $"export GITHUB_TOKEN={GitHubToken}\n";
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, AnthropicShapes.StreamEvents(Split(text, [22, 30, 41])));
        var client = new AnthropicClient { ApiKey = Gateway.Token("zoe"), BaseUrl = new Uri(Gateway.BaseUri, "anthropic").ToString(), MaxRetries = 0 };

        var received = "";
        await foreach (var e in client.Messages.CreateStreaming(new MessageCreateParams
        {
            Model = "claude-test",
            MaxTokens = 64,
            Messages = [new UserMessageParam { Content = "token?" }],
        }, TestContext.Current.CancellationToken))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                received += piece.Text;
            }
        }

        Assert.Equal("export GITHUB_TOKEN=[MASKED:github-pat]\n", received);
        await AssertNotStoredAsync(GitHubToken);
    }

    [Fact]
    public async Task WholeResponse_WithASecret_IsMasked()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion($"key: {AwsKeyId}"));

        var completion = await Chat("adam").CompleteChatAsync([new UserChatMessage("key?")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("key: [MASKED:aws-access-key-id]", completion.Value.Content[0].Text);
        await AssertNotStoredAsync(AwsKeyId);
    }

    [Fact]
    public async Task BlockingConnection_PromptWithASecret_Gets422AndIsNotForwarded()
    {
        using var response = await Gateway.Client(Gateway.Token("bea")).PostAsync("strict/v1/chat/completions",
            new StringContent($$"""{"model":"gpt-test","messages":[{"role":"user","content":"key {{AwsKeyId}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("request_blocked", problem, StringComparison.Ordinal);
        Assert.Contains("aws-access-key-id", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsKeyId, problem, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        await AssertNotStoredAsync(AwsKeyId, waitFor: "bea");
    }

    private ChatClient Chat(string user)
        => new("gpt-test", new ApiKeyCredential(Gateway.Token(user)), new OpenAIClientOptions
        {
            Endpoint = new Uri(Gateway.BaseUri, "openai/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });

    private static StringContent Request(bool stream)
        => new($$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");

    private static List<string> Split(string text, int[] cuts)
    {
        var pieces = new List<string>();
        var from = 0;
        foreach (var cut in cuts)
        {
            pieces.Add(text[from..cut]);
            from = cut;
        }

        pieces.Add(text[from..]);
        return pieces;
    }

    /// <summary>
    /// Reads the database files themselves: no table, body, index or WAL page may hold any part of the secret. Masked
    /// responses are chunked, so the outcome is durable before the client has read the end; a refusal is waited for.
    /// </summary>
    private async Task AssertNotStoredAsync(string secret, string? waitFor = null)
    {
        if (waitFor is not null)
        {
            await Gateway.WaitForExchangeAsync(waitFor);
        }

        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Gateway.DatabasePath)!, "gatehouse.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            var content = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(secret[4..14], content, StringComparison.Ordinal);
        }
    }
}
