using System.Net;
using System.Text.Json;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Copilot's inline completions (legacy Completions, <c>/v1/engines/{engine}/completions</c>) and its chat
/// (<c>/chat/completions</c>, no <c>v1</c>) are masked both ways, decided and audited like the other APIs.
/// </summary>
public sealed class CopilotCompletionsTests : GatewayTest
{
    private const string Masked = "[MASKED:github-pat]";
    private const string Policy = """
        default: allow
        rules:
          - name: no-inline-completions-for-contractors
            match: {api: completions, groups: [contractors]}
            effect: deny
            reason: contractors may not use inline completions
        """;

    private static readonly string Secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;

    private string _policyPath = "";

    protected override CapturedLogs Logs { get; } = new();

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with { Policy = new PolicyConfig { File = _policyPath } };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    [Fact]
    public async Task StreamedInlineCompletion_SecretsBothWays_MaskedBeforeUpstreamAndClient_AuditSearchable()
    {
        var body = CopilotShapes.CompletionBody(120_000, Secret, stream: true);
        var answer = $"send(invoice, token=\"{Secret}\")";
        var start = answer.IndexOf(Secret, StringComparison.Ordinal);
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, CopilotShapes.StreamEvents(
            [answer[..(start + 5)], answer[(start + 5)..(start + 21)], answer[(start + 21)..]]));

        using var client = Gateway.Client(Gateway.Token("ada", "dev"));
        using var response = await client.SendAsync(CopilotShapes.Request("openai/v1/engines/copilot-codex/completions", body), TestContext.Current.CancellationToken);
        var sse = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answer.Replace(Secret, Masked, StringComparison.Ordinal), CopilotShapes.AssembledText(sse));
        Assert.EndsWith("data: [DONE]\n\n", sse, StringComparison.Ordinal);

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/engines/copilot-codex/completions", received.PathAndQuery);
        AssertForwardedMasked(body, received);
        Assert.Equal("copilot-ghost", received.Headers["Openai-Intent"]);
        Assert.Equal("vscode/1.96.2", received.Headers["Editor-Version"]);

        var record = await Gateway.WaitForExchangeAsync("ada");
        Assert.Equal("openai.completions", record.Intent.Api);
        Assert.True(record.Intent.Stream);
        Assert.Contains("[prompt]\n# Path: src/billing/invoices.py", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Contains("[suffix]\n\n\n# fallback token: " + Masked, record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Equal(answer.Replace(Secret, Masked, StringComparison.Ordinal), record.Outcome!.Response);
        Assert.Equal((2_000L, 9L), (record.Outcome.InputTokens!.Value, record.Outcome.OutputTokens!.Value));
        Assert.Equal("stop", record.Outcome.FinishReason);
        Assert.Contains("response.parsed", record.Outcome.Coverage);
        Assert.Contains(record.Outcome.Findings, f => (f.Rule, f.Direction) == ("github-pat", "response"));

        await using var store = Gateway.OpenStore();
        var found = await store.SearchAsync(new ExchangeQuery { Text = "quokka" }, TestContext.Current.CancellationToken);
        Assert.Equal(record.Intent.ExchangeId, Assert.Single(found.Items).Intent.ExchangeId);
        await LeakCheck.AssertAbsentAsync(Secret, sse, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task InlineCompletion_NotStreamed_SecretInTextMaskedForClient_UsageRecorded()
    {
        var body = CopilotShapes.CompletionBody(60_000, Secret, stream: false);
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(CopilotShapes.Completion($"token = \"{Secret}\""));
        };

        using var client = Gateway.Client(Gateway.Token("bea", "dev"));
        using var response = await client.SendAsync(CopilotShapes.Request("openai/v1/completions", body), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        Assert.Equal($"token = \"{Masked}\"", json.RootElement.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Equal("text_completion", json.RootElement.GetProperty("object").GetString());
        AssertForwardedMasked(body, Assert.Single(Upstream.Received));

        var record = await Gateway.WaitForExchangeAsync("bea");
        Assert.Equal("openai.completions", record.Intent.Api);
        Assert.False(record.Intent.Stream);
        Assert.Equal($"token = \"{Masked}\"", record.Outcome!.Response);
        Assert.Equal((2_000L, 9L), (record.Outcome.InputTokens!.Value, record.Outcome.OutputTokens!.Value));
        await LeakCheck.AssertAbsentAsync(Secret, text, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task DenyRuleOnTheCompletionsApi_RefusesInlineCompletions_ButNotChat()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        using var client = Gateway.Client(Gateway.Token("cy", "contractors"));

        using var refused = await client.SendAsync(
            CopilotShapes.Request("openai/engines/gpt-4o-copilot/completions", CopilotShapes.CompletionBody(50_000, null, stream: true)),
            TestContext.Current.CancellationToken);
        var problem = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(problem);
        Assert.Equal("policy_denied", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("contractors may not use inline completions", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        await using (var store = Gateway.OpenStore())
        {
            var denied = Assert.Single((await store.SearchAsync(new ExchangeQuery { User = "cy", Decision = "deny" }, TestContext.Current.CancellationToken)).Items);
            Assert.Equal("openai.completions", denied.Intent.Api);
            Assert.Equal(["no-inline-completions-for-contractors"], denied.Intent.Rules);
        }

        using var chat = await client.SendAsync(
            CopilotShapes.Request("openai/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"""),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Fact]
    public async Task CopilotChat_WithoutV1_IsUnderstoodAsChat_AndItsStreamMasked()
    {
        var text = $"Use {Secret} to push.";
        var start = text.IndexOf(Secret, StringComparison.Ordinal);
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, [
            // Copilot's chat streams open with a chunk of no choices that carries the prompt's content-filter results.
            Sse.Data("""{"choices":[],"created":0,"id":"","prompt_filter_results":[{"content_filter_results":{},"prompt_index":0}]}"""),
            .. OpenAIShapes.StreamEvents([text[..(start + 8)], text[(start + 8)..]], "gpt-4o-2024-11-20"),
        ]);
        const string Body = """
            {"messages":[{"role":"system","content":"You are an AI programming assistant."},{"role":"user","content":"How do I push? token SECRET"}],
             "model":"gpt-4o","temperature":0.1,"top_p":1,"max_tokens":4096,"n":1,"stream":true,"intent":true}
            """;

        using var client = Gateway.Client(Gateway.Token("dot", "dev"));
        using var request = CopilotShapes.Request("openai/chat/completions", Body.Replace("SECRET", Secret, StringComparison.Ordinal));
        request.Headers.Remove("Openai-Intent");
        request.Headers.TryAddWithoutValidation("Openai-Intent", "conversation-panel");
        request.Headers.TryAddWithoutValidation("X-Initiator", "user");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var sse = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text.Replace(Secret, Masked, StringComparison.Ordinal), Sse.AssembledChatContent(sse));
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/chat/completions", received.PathAndQuery);
        Assert.Contains("\"content\":\"How do I push? token " + Masked + "\"", received.BodyText, StringComparison.Ordinal);
        Assert.Contains("\"n\":1,\"stream\":true,\"intent\":true}", received.BodyText, StringComparison.Ordinal);
        Assert.Equal(("conversation-panel", "user"), (received.Headers["Openai-Intent"], received.Headers["X-Initiator"]));
        var record = await Gateway.WaitForExchangeAsync("dot");
        Assert.Equal("openai.chat", record.Intent.Api);
        Assert.Equal("gpt-4o", record.Intent.Model);
        await LeakCheck.AssertAbsentAsync(Secret, sse, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task ChatShapedAnswerOnACompletionsPath_IsNotReleased()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(OpenAIShapes.Completion($"token {Secret}"));
        };

        using var client = Gateway.Client(Gateway.Token("eli", "dev"));
        using var response = await client.SendAsync(
            CopilotShapes.Request("openai/v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":"hi"}"""), TestContext.Current.CancellationToken);
        var text = await ReadWhatArrivesAsync(response);

        var record = await Gateway.WaitForExchangeAsync("eli");
        Assert.Equal("response_unreadable", record.Outcome!.Failure);
        await LeakCheck.AssertAbsentAsync(Secret, text, Logs, Gateway.DatabasePath);
    }

    // The forwarded body is the client's with only the secret's strings masked: every other member as the client wrote it.
    private static void AssertForwardedMasked(string sent, ReceivedRequest received)
    {
        Assert.DoesNotContain(Secret, received.BodyText, StringComparison.Ordinal);
        using var original = JsonDocument.Parse(sent);
        using var forwarded = JsonDocument.Parse(received.Body);
        foreach (var name in new[] { "prompt", "suffix" })
        {
            Assert.Equal(
                original.RootElement.GetProperty(name).GetString()!.Replace(Secret, Masked, StringComparison.Ordinal),
                forwarded.RootElement.GetProperty(name).GetString());
        }

        foreach (var name in new[] { "stop", "nwo", "extra", "max_tokens", "stream" })
        {
            Assert.Contains($"\"{name}\":{original.RootElement.GetProperty(name).GetRawText()}", received.BodyText, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadWhatArrivesAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
            // The gateway stops a response it cannot mask; what arrived before is all the client has.
            return "";
        }
    }
}
