using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Responses whose tool calls touch authentication code are held until a security reviewer (never the requester)
/// decides; everything else streams on undelayed.
/// </summary>
public sealed class ResponseHoldTests : GatewayTest
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: every-answer-of-review-models
            match: {direction: request, models: ['review-*']}
            effect: require_approval
            approval: {reviewer_groups: [security], wait: 1s, hold: response}
          - name: auth-edits-quick
            match: {direction: response, models: ['quick-*'], tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            approval: {reviewer_groups: [security], wait: 1s}
          - name: no-repository-deletion
            match: {direction: response, tool_calls: {names: ['delete_repo*']}}
            effect: deny
            reason: agents may not delete repositories
          - name: auth-edits-need-review
            match: {direction: response, tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            reason: changes to authentication code need a security review
            approval: {reviewer_groups: [security], wait: 60s}
        """;

    // Holds that a test resolves wait up to 60 s (under the SDKs' 100 s), so a busy machine cannot run the wait out
    // before the reviewer acts; the 1 s waits are for the tests where nobody reviews.
    private static readonly string[] Security = ["security"];
    private static readonly string AuthEdit = ToolCallShapes.EditArguments("src/auth/login.cs");
    private string _policyPath = "";

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-response-holds-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            ResponseHolds = new ResponseHoldConfig { Heartbeat = TimeSpan.FromMilliseconds(200), MaxHeldBytes = 4096 },
        };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    [Fact]
    public async Task ToolCallEditingAuth_SdkReceivesItOnlyAfterAReviewerApproves_AndEveryStepIsAudited()
    {
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("edit_file", AuthEdit));

        var call = Chat(Gateway.Token("kai", "dev", "security")).CompleteChatAsync([new UserChatMessage("fix login")], cancellationToken: TestContext.Current.CancellationToken);
        var approval = await Gateway.WaitForPendingAsync("sec", Security);
        var id = approval.GetProperty("id").GetString()!;
        using var self = await Gateway.ReviewAsync("kai", ["dev", "security"], id, "approve");

        // The held response is released only once the approval is stored as approved, so a self-review that had counted
        // would show here, without waiting for a release that should not come.
        var afterSelf = await Gateway.Client(Gateway.Token("sec", Security)).GetFromJsonAsync<JsonElement>($"api/approvals/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("pending", afterSelf.GetProperty("state").GetString());
        Assert.False(call.IsCompleted, "the tool call reached the client before a reviewer approved it");
        using var approved = await Gateway.ReviewAsync("sec", Security, id, "approve");
        var completion = (await call).Value;

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("response", approval.GetProperty("held").GetString());
        Assert.Equal("auth-edits-need-review", approval.GetProperty("rule").GetString());
        var toolCall = Assert.Single(completion.ToolCalls);
        Assert.Equal("edit_file", toolCall.FunctionName);
        Assert.Contains("src/auth/login.cs", toolCall.FunctionArguments.ToString(), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("kai");
        Assert.Equal("approved", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.Equal(id, record.Outcome.ResponseHold.ApprovalId);
        Assert.Equal(["auth-edits-need-review"], record.Outcome.ResponseHold.Rules);
        Assert.Null(record.Outcome.Failure);
        var kinds = await Gateway.EntryKindsAsync();

        // The exchange writes its own steps in this order. The reviewer's request writes approval.reviewed and
        // approval.approved concurrently, after the store has committed the approval (which wakes the held exchange), so
        // those two may follow the release in the chain; what must precede the release is the approved row's seal,
        // which the store appends in the same transaction as the approval itself.
        string[] steps = [AuditEntryKinds.Intent, "response.held", "approval.requested", "approval.released", "response.released", AuditEntryKinds.Outcome];
        Assert.Equal(steps, kinds.Where(steps.Contains));
        Assert.Contains("approval.reviewed", kinds);
        Assert.Contains("approval.approved", kinds);
        var requested = kinds.IndexOf("approval.requested");
        var released = kinds.IndexOf("approval.released");
        Assert.Contains("row.sealed", kinds.Skip(requested).Take(released - requested));
    }

    [Fact]
    public async Task StreamedToolCallEditingAuth_Rejected_SdkGetsTheTextThenAValidRefusal()
    {
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ToolCallShapes.ChatStream("Let me fix the login handler, as you asked. ", "edit_file", AuthEdit));

        var text = "";
        ChatFinishReason? finish = null;
        var toolUpdates = 0;
        var rejected = false;
        await foreach (var update in Chat(Gateway.Token("lin", "dev")).CompleteChatStreamingAsync([new UserChatMessage("fix login")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            finish = update.FinishReason ?? finish;
            toolUpdates += update.ToolCallUpdates.Count;
            if (!rejected && text.Length > 0)
            {
                // The text arrived while the tool call was still waiting for a reviewer.
                rejected = true;
                var approval = await Gateway.WaitForPendingAsync("sec", Security);
                using var _ = await Gateway.ReviewAsync("sec", Security, approval.GetProperty("id").GetString()!, "reject");
            }
        }

        Assert.StartsWith("Let me fix the login handler, as you asked.", text, StringComparison.Ordinal);
        Assert.Contains("a reviewer rejected it", text, StringComparison.Ordinal);
        Assert.Contains("approval apr_", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal(0, toolUpdates);
        var record = await Gateway.WaitForExchangeAsync("lin");
        Assert.Equal("rejected", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.Equal("approval_rejected", record.Outcome.Failure);
        Assert.Contains(record.Outcome.ToolCalls, c => c.Name == "edit_file");
        Assert.Contains("response.refused", await Gateway.EntryKindsAsync());
    }

    [Fact]
    public async Task StreamedHold_WaitingClientGetsHeartbeats_ThenTheToolCallOnApproval()
    {
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ToolCallShapes.ChatStream("Editing the login handler now, as you asked. ", "edit_file", AuthEdit));
        using var client = Gateway.Client(Gateway.Token("mo", "dev"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"fix login"}]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var beforeApproval = await ReadUntilAsync(reader, ": waiting for approval apr_");
        var id = beforeApproval[(beforeApproval.LastIndexOf(": waiting for approval ", StringComparison.Ordinal) + 23)..].Trim();
        using var _ = await Gateway.ReviewAsync("sec", Security, id, "approve");
        var rest = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Editing the login", beforeApproval, StringComparison.Ordinal);
        Assert.DoesNotContain("tool_calls", beforeApproval, StringComparison.Ordinal);
        Assert.Contains("\"tool_calls\"", rest, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", rest.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamedToolCallDeniedInTheResponseDirection_SdkGetsTheTextThenAValidRefusal_NoApprovalAsked()
    {
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ToolCallShapes.ChatStream("Cleaning up as you asked. ", "delete_repository", "{\"name\":\"legacy\"}"));

        var text = "";
        ChatFinishReason? finish = null;
        var toolUpdates = 0;
        await foreach (var update in Chat(Gateway.Token("ria", "dev")).CompleteChatStreamingAsync([new UserChatMessage("clean up")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            finish = update.FinishReason ?? finish;
            toolUpdates += update.ToolCallUpdates.Count;
        }

        Assert.StartsWith("Cleaning up as you asked.", text, StringComparison.Ordinal);
        Assert.Contains("refused this response under rule 'no-repository-deletion' (agents may not delete repositories)", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal(0, toolUpdates);
        var record = await Gateway.WaitForExchangeAsync("ria");
        Assert.Equal("denied", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.Equal("policy_denied", record.Outcome.Failure);
        Assert.Equal(["no-repository-deletion"], record.Outcome.ResponseHold.Rules);
        Assert.DoesNotContain("approval.requested", await Gateway.EntryKindsAsync());
    }

    [Fact]
    public async Task ToolCallEditingAppCode_IsReleasedAtOnce_WithoutAnApproval()
    {
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("edit_file", ToolCallShapes.EditArguments("src/app/main.cs")));

        var completion = (await Chat(Gateway.Token("noa", "dev")).CompleteChatAsync([new UserChatMessage("fix main")], cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.Contains("src/app/main.cs", Assert.Single(completion.ToolCalls).FunctionArguments.ToString(), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("noa");
        Assert.Equal("released", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.DoesNotContain("approval.requested", await Gateway.EntryKindsAsync());
    }

    [Fact]
    public async Task TextOnlyStream_FirstBytesReachTheClientBeforeTheStreamEnds()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Handler = async (context, _) =>
        {
            var events = OpenAIShapes.StreamEvents(["The first part of a longer answer, in plain words. ", "The second part."]).ToList();
            await Sse.WriteAsync(context, events.Take(2));
            await firstSeen.Task.WaitAsync(context.RequestAborted);
            foreach (var e in events.Skip(2))
            {
                await context.Response.WriteAsync(e, context.RequestAborted);
            }
        };

        var text = "";
        await foreach (var update in Chat(Gateway.Token("ora", "dev")).CompleteChatStreamingAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            if (text.Length > 0)
            {
                firstSeen.TrySetResult();
            }
        }

        Assert.Equal("The first part of a longer answer, in plain words. The second part.", text);
        var record = await Gateway.WaitForExchangeAsync("ora");
        Assert.Null(record.Outcome!.ResponseHold);
        Assert.Null(record.Outcome.Failure);
    }

    [Fact]
    public async Task NoReviewerWithinTheWait_ClientGetsARefusalNamingTheApproval()
    {
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("write_file", ToolCallShapes.EditArguments("lib/auth/keys.pem")));

        var completion = (await Chat(Gateway.Token("pia", "dev"), "quick-model").CompleteChatAsync([new UserChatMessage("rotate keys")], cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.Empty(completion.ToolCalls);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Contains("no reviewer approved it within 1 seconds", completion.Content[0].Text, StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("pia");
        Assert.Equal("timed_out", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.Equal(["auth-edits-quick", "auth-edits-need-review"], record.Outcome.ResponseHold.Rules);
        Assert.Equal("approval_pending", record.Outcome.Failure);
    }

    [Fact]
    public async Task AnthropicStreamedToolUseOnAuth_Rejected_SdkGetsTheTextThenAProperlyEndedMessage()
    {
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ToolCallShapes.AnthropicStream("Patching the login handler, as you asked. ", "str_replace_editor", AuthEdit));
        var client = new AnthropicClient { ApiKey = Gateway.Token("quin", "dev"), BaseUrl = new Uri(Gateway.BaseUri, "anthropic").ToString(), MaxRetries = 0 };
        var parameters = new MessageCreateParams { Model = "claude-test", MaxTokens = 256, Messages = [new UserMessageParam { Content = "fix login" }] };
        var reviewing = Task.Run(async () =>
        {
            var approval = await Gateway.WaitForPendingAsync("sec", Security);
            using var _ = await Gateway.ReviewAsync("sec", Security, approval.GetProperty("id").GetString()!, "reject");
        }, TestContext.Current.CancellationToken);

        var text = "";
        var toolBlocks = 0;
        var stopped = false;
        await foreach (var e in client.Messages.CreateStreaming(parameters, TestContext.Current.CancellationToken))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece))
            {
                text += piece.Text;
            }

            toolBlocks += e.TryPickContentBlockStart(out var start) && start.ContentBlock.TryPickToolUse(out _) ? 1 : 0;
            stopped |= e.TryPickStop(out _);
        }

        await reviewing;
        Assert.StartsWith("Patching the login handler, as you asked.", text, StringComparison.Ordinal);
        Assert.Contains("a reviewer rejected it", text, StringComparison.Ordinal);
        Assert.Equal(0, toolBlocks);
        Assert.True(stopped);
        Assert.Equal("rejected", (await Gateway.WaitForExchangeAsync("quin")).Outcome!.ResponseHold!.Outcome.ToName());
    }

    [Fact]
    public async Task RuleHoldingTheResponsesOfMatchingRequests_HoldsEvenATextAnswer()
    {
        Upstream.Handler = (context, _) => Json(context, OpenAIShapes.Completion("plain text, no tool call"));

        var completion = (await Chat(Gateway.Token("uma", "dev"), "review-model").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.StartsWith("[gatehouse] This response was held for review under rule 'every-answer-of-review-models'", completion.Content[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("plain text", completion.Content[0].Text, StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("uma");
        Assert.Equal("allow", record.Intent.Decision);
        Assert.Equal(["every-answer-of-review-models"], record.Outcome!.ResponseHold!.Rules);
    }

    [Fact]
    public async Task HeldResponsePastTheBound_IsRefusedNotReleased()
    {
        var huge = System.Text.Json.JsonSerializer.Serialize(new { path = "src/auth/login.cs", content = new string('x', 8000) });
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("edit_file", huge));

        var completion = (await Chat(Gateway.Token("rae", "dev")).CompleteChatAsync([new UserChatMessage("rewrite login")], cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.Empty(completion.ToolCalls);
        Assert.Contains("could not review it (the held response exceeds 4096 bytes)", completion.Content[0].Text, StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("rae");
        Assert.Equal("refused", record.Outcome!.ResponseHold!.Outcome.ToName());
        Assert.Equal("response_unreviewable", record.Outcome.Failure);
    }

    [Fact]
    public async Task OpaqueApiWhoseResponseCouldBeHeld_IsRefusedBeforeForwarding()
    {
        using var response = await Gateway.Client(Gateway.Token("sol", "dev")).PostAsync("raw/v1/anything", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("response_hold_unavailable", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    private ChatClient Chat(string token, string model = "gpt-test")
        => new(model, new ApiKeyCredential(token), new OpenAIClientOptions { Endpoint = new Uri(Gateway.BaseUri, "openai/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });

    private static Task Json(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, string marker)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            text.Append(line).Append('\n');
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException("the stream ended before " + marker);
    }
}
