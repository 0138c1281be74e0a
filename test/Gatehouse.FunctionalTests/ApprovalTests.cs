using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>Requests held for review: a reviewer (never the requester) releases or rejects them through the API.</summary>
public sealed class ApprovalTests : GatewayTest
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: frontier-models-need-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            reason: frontier models need a lead's approval
            approval: {reviewer_groups: [leads], wait: 60s}
          - name: frontier-quick
            match: {models: ['o9*']}
            effect: require_approval
            approval: {reviewer_groups: [leads], wait: 1s}
        """;

    // The held requests wait up to 60 s (under the client's 100 s) for the reviewer these tests always send: a wait that
    // ran out while a busy machine was slow to review would answer 409 and fail the test for no fault of the gateway.
    private string _policyPath = "";

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-approvals-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with { Policy = new PolicyConfig { File = _policyPath } };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    [Fact]
    public async Task HeldRequest_ApprovedByAReviewer_ContinuesByItself_AndEveryStepIsAudited()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("approved answer"));

        var held = Post("kai", "dev", "gpt-5", "plan the migration");
        var approval = await WaitForPendingAsync("lee");
        Assert.Equal("frontier-models-need-review", approval.GetProperty("rule").GetString());

        using var approved = await Review("lee", approval.GetProperty("id").GetString()!, "approve", "looks fine");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        using var response = await held;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("approved answer", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("kai");
        Assert.Equal("held", record.Intent.Decision);
        var kinds = await EntryKindsAsync();
        Assert.Contains("approval.requested", kinds);
        Assert.Contains("approval.reviewed", kinds);
        Assert.Contains("approval.approved", kinds);
        Assert.True(kinds.IndexOf("approval.requested") < kinds.IndexOf("approval.released"), "the hold is audited before the release");
        Assert.True(kinds.IndexOf("approval.released") < kinds.LastIndexOf(AuditEntryKinds.Outcome), "the release is audited before the outcome");
    }

    [Fact]
    public async Task Requester_CannotApproveTheirOwnRequest_EvenAsAReviewer()
    {
        var held = Post("max", "dev,leads", "gpt-5", "self-serve");
        var approval = await WaitForPendingAsync("max", "dev,leads");

        using var self = await Review("max", approval.GetProperty("id").GetString()!, "approve", "trust me", "dev,leads");

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("self_review", await self.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var rejected = await Review("lee", approval.GetProperty("id").GetString()!, "reject", "no");
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("approval_rejected", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task PendingPastTheWait_TheIdenticalRetryPassesOnceApproved_AChangedOneDoesNot()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("finally"));

        using (var first = await Post("nia", "dev", "o9-quick", "same prompt"))
        {
            Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        }

        var approval = await WaitForPendingAsync("lee");
        using (await Review("lee", approval.GetProperty("id").GetString()!, "approve", null))
        {
        }

        using var retried = await Post("nia", "dev", "o9-quick", "same prompt");
        using var changed = await Post("nia", "dev", "o9-quick", "a different prompt");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
    }

    [Fact]
    public async Task Cli_ListsAndRejectsAsTheReviewer_AndRefusesTheRequester()
    {
        var held = Post("ola", "dev", "gpt-5", "cli review");
        var approval = await WaitForPendingAsync("lee");
        var id = approval.GetProperty("id").GetString()!;
        var url = Gateway.BaseUri.ToString();

        var listed = await GatehouseCommand.RunAsync("approvals", "list", "--url", url, "--token", Gateway.Token("lee", "leads"));
        var self = await GatehouseCommand.RunAsync("approvals", "approve", id, "--url", url, "--token", Gateway.Token("ola", "dev", "leads"));
        var rejected = await GatehouseCommand.RunAsync("approvals", "reject", id, "-m", "not this week", "--url", url, "--token", Gateway.Token("lee", "leads"));
        var shown = await GatehouseCommand.RunAsync("approvals", "show", id, "--url", url, "--token", Gateway.Token("lee", "leads"));

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, self.ExitCode);
        Assert.Contains("self_review", self.Error, StringComparison.Ordinal);
        Assert.Equal(0, rejected.ExitCode);
        Assert.Contains("reject by lee", shown.Output, StringComparison.Ordinal);
        Assert.Contains("not this week", shown.Output, StringComparison.Ordinal);
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Review_JustificationSentChunked_IsKept()
    {
        var held = Post("pia", "dev", "gpt-5", "chunked review");
        var approval = await WaitForPendingAsync("lee");
        var id = approval.GetProperty("id").GetString()!;

        // A JSON body of unknown length (chunked transfer encoding), as the .NET JSON helpers send it.
        using var rejected = await Review("lee", id, "reject", "the plan skips the rollback step");
        using var shown = await Gateway.Client(Gateway.Token("lee", "leads")).GetAsync($"api/approvals/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains("the plan skips the rollback step", await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<HttpResponseMessage> Post(string user, string groups, string model, string prompt)
        => Gateway.Client(Gateway.Token(user, groups.Split(','))).PostAsync("openai/v1/chat/completions",
            new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> Review(string reviewer, string id, string decision, string? justification, string groups = "leads")
        => await Gateway.Client(Gateway.Token(reviewer, groups.Split(','))).PostAsJsonAsync(
            $"api/approvals/{id}/{decision}", new { justification }, TestContext.Current.CancellationToken);

    private Task<JsonElement> WaitForPendingAsync(string reviewer, string groups = "leads")
        => Gateway.WaitForPendingAsync(reviewer, groups.Split(','));

    private async Task<List<string>> EntryKindsAsync()
    {
        await using var store = Gateway.OpenStore();
        var kinds = new List<string>();
        await foreach (var entry in store.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            kinds.Add(entry.Kind);
        }

        return kinds;
    }
}
