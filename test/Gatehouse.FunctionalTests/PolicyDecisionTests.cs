using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>With a policy file the gateway decides each request by it, names the deciding rules in the audit, and reloads it.</summary>
public sealed class PolicyDecisionTests : GatewayTest
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: no-secrets-in-prompts
            match: {findings: [secret]}
            effect: deny
            reason: prompts must not carry secrets
          - name: frontier-models-need-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            reason: frontier models need a lead's approval
            approval: {reviewer_groups: [leads], wait: 1s}
          - name: quiet-audit-for-ml
            match: {groups: [ml]}
            audit: metadata
          - name: lax-responses-for-qa
            match: {groups: [qa]}
            masking: {response: off}
        """;

    private string _policyPath = "";

    protected override CapturedLogs Logs { get; } = new();

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with { Policy = new PolicyConfig { File = _policyPath } };
    }

    [Fact]
    public async Task Developer_IsAllowed_AndTheAuditNamesTheRule()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));

        using var response = await Post("ann", "dev", "gpt-4o", "hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await Gateway.WaitForExchangeAsync("ann");
        Assert.Equal("allow", record.Intent.Decision);
        Assert.Equal(["developers"], record.Intent.Rules);
        Assert.Contains("policy", record.Outcome!.Coverage);
    }

    [Fact]
    public async Task Unmatched_IsDeniedByDefault_WithAReason_AndNotForwarded()
    {
        using var response = await Post("ben", "sales", "gpt-4o", "hello");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("policy_denied", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        Assert.Equal("deny", (await Gateway.WaitForExchangeAsync("ben")).Intent.Decision);
    }

    [Fact]
    public async Task PromptWithASecret_IsDeniedOnItsFinding_AndRecordedMasked()
    {
        var key = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

        using var response = await Post("cal", "dev", "gpt-4o", $"use {key}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("prompts must not carry secrets", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("cal");
        Assert.Equal(["developers", "no-secrets-in-prompts"], record.Intent.Rules);
        Assert.DoesNotContain(key, record.Intent.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalRule_NoReviewerActsWithinTheWait_AnswersPendingWithTheApprovalId()
    {
        using var response = await Post("dan", "dev", "gpt-5-preview", "hello");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("approval_pending", body, StringComparison.Ordinal);
        Assert.Contains("apr_", body, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        Assert.Equal("held", (await Gateway.WaitForExchangeAsync("dan")).Intent.Decision);
    }

    [Fact]
    public async Task MetadataAuditLevel_KeepsNoPromptOrResponseText()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("model answer"));

        using var response = await Post("eve", "dev,ml", "gpt-4o", "private question");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await Gateway.WaitForExchangeAsync("eve");
        Assert.Null(record.Intent.Prompt);
        Assert.Null(record.Outcome!.Response);
    }

    [Fact]
    public async Task MaskingOffInPolicy_DoesNotLoosenTheConnectionsResponseMasking()
    {
        var key = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion($"here: {key}"));

        using var response = await Post("hal", "dev,qa", "gpt-4o", "hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.Contains("here: ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedPolicy_IsPickedUpWithoutRestart_AndABrokenEditKeepsTheLastGoodOne()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        await File.WriteAllTextAsync(_policyPath, "default: deny\nrules:\n  - name: sales-too\n    match: {groups: [dev, sales]}\n    effect: allow\n", TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await Post("fay", "sales", "gpt-4o", "hi");
                return response.StatusCode == HttpStatusCode.OK;
            },
            "the edited policy to let sales through");

        var rejectedBefore = Rejections();
        await File.WriteAllTextAsync(_policyPath, "rules: [ this is not a policy", TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => Rejections() > rejectedBefore, "the gateway to reject the broken edit");

        using var still = await Post("gus", "sales", "gpt-4o", "hi");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    private int Rejections() => Logs.Lines.Count(l => l.Contains("[1301]", StringComparison.Ordinal));

    private async Task<HttpResponseMessage> Post(string user, string groups, string model, string prompt)
    {
        return await Gateway.Client(Gateway.Token(user, groups.Split(','))).PostAsync("openai/v1/chat/completions",
            new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
    }
}
