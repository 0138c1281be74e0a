using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// Issue 11, identity: an outside attacker holding a developer token (or a key they own, or a token from a second
/// trusted issuer) must not pass for someone else, approve their own hold, count twice, or read what was held from them.
/// </summary>
public sealed class IdentityBypassTests : GatewayTest
{
    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: frontier-needs-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            approval: {reviewer_groups: [leads], wait: 30s}
          - name: two-reviewers
            match: {models: ['o9*']}
            effect: require_approval
            approval: {reviewer_groups: [leads], approvals: 2, wait: 30s}
          - name: no-repository-deletion
            match: {direction: response, tool_calls: {names: ['delete_repo*']}}
            effect: deny
            reason: agents may not delete repositories
          - name: auth-edits-quick
            match: {direction: response, models: ['quick-*'], tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            approval: {reviewer_groups: [security], wait: 30s}
        """;

    private static readonly string[] Leads = ["leads"];
    private readonly Task<SecondIssuer> _second = SecondIssuer.StartAsync();
    private string _policyPath = "";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiKeyOwnedByKai_HoldsARequest_KaisTokenCannotApproveIt()
    {
        var key = await CreateKeyAsync("kai-bot", "kai@dev.local", "dev");
        var held = Send(Bearer(key), "gpt-5", "ship it");
        var id = await PendingIdAsync("lee", "leads");

        using var self = await Gateway.ReviewAsync("kai", ["dev", "leads"], id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("self_review", await self.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var rejected = await Gateway.ReviewAsync("lee", Leads, id, "reject");
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task OneReviewerByTokenAndByOwnKey_CountsOnce()
    {
        var leeKey = await CreateKeyAsync("lee-bot", "lee@dev.local", "leads");
        var held = Send(Gateway.Token("kai", "dev"), "o9-mini", "two pairs of eyes");
        var id = await PendingIdAsync("lee", "leads");

        using var first = await Gateway.ReviewAsync("lee", Leads, id, "approve");
        using var second = await Bearer(leeKey).PostAsJsonAsync($"api/approvals/{id}/approve", new { justification = "again" }, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already_reviewed", await second.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var state = await Gateway.Client(Gateway.Token("ann", "leads")).GetFromJsonAsync<JsonElement>($"api/approvals/{id}", Token);
        Assert.Equal("pending", state.GetProperty("state").GetString());
        using var rejected = await Gateway.ReviewAsync("ann", Leads, id, "reject");
        using var _ = await held;
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task SameSubjectFromAnotherIssuer_CannotReadTheOthersAuditOrApprovals()
    {
        var second = await _second;
        Upstream.Handler = (context, _) => Json(context, OpenAIShapes.Completion("fine"));
        await ChatAsync(Gateway.Token("kai", "dev"), "gpt-test", "kai's private prompt");
        var kaiExchange = (await Gateway.WaitForExchangeAsync("kai")).ExchangeId;
        var held = Send(Gateway.Token("kai", "dev"), "gpt-5", "kai's held prompt");
        var approvalId = await PendingIdAsync("lee", "leads");
        var impostor = Bearer(second.Token("kai", "kai@dev.local", emailVerified: null, "dev"));

        var listed = await impostor.GetFromJsonAsync<JsonElement>("api/audit", Token);
        using var read = await impostor.GetAsync($"api/audit/{kaiExchange}", Token);
        using var approval = await impostor.GetAsync($"api/approvals/{approvalId}", Token);
        var approvals = await impostor.GetFromJsonAsync<JsonElement>("api/approvals?state=all", Token);

        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == kaiExchange);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approval.StatusCode);
        Assert.Equal(0, approvals.GetArrayLength());
        using var rejected = await Gateway.ReviewAsync("lee", Leads, approvalId, "reject");
        using var _ = await held;
    }

    [Fact]
    public async Task SameSubjectFromAnotherIssuer_IsAnotherPerson_SoItIsNoSelfReview()
    {
        // The old rule compared bare subjects: kai at the second issuer was refused as kai's own reviewer, and kai at
        // the first could pass as anyone named kai anywhere. Now they are two people.
        var second = await _second;
        var held = Send(Gateway.Token("kai", "dev"), "gpt-5", "needs a lead");
        var id = await PendingIdAsync("lee", "leads");

        using var review = await Bearer(second.Token("kai", null, null, "leads")).PostAsJsonAsync($"api/approvals/{id}/reject", new { justification = "not me" }, Token);

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        using var response = await held;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task UnverifiedEmail_GrantsNoRole_VerifiedEmailDoes()
    {
        var second = await _second;
        Upstream.Handler = (context, _) => Json(context, OpenAIShapes.Completion("fine"));
        await ChatAsync(Gateway.Token("kai", "dev"), "gpt-test", "kai's private prompt");
        var kaiExchange = (await Gateway.WaitForExchangeAsync("kai")).ExchangeId;

        using var unverified = await Bearer(second.Token("mallory", "audra@example.com", emailVerified: null, "dev")).GetAsync($"api/audit/{kaiExchange}", Token);
        using var denied = await Bearer(second.Token("mallory", "audra@example.com", emailVerified: false, "dev")).GetAsync($"api/audit/{kaiExchange}", Token);
        using var verified = await Bearer(second.Token("audra", "audra@example.com", emailVerified: true)).GetAsync($"api/audit/{kaiExchange}", Token);

        Assert.Equal(HttpStatusCode.NotFound, unverified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    [Fact]
    public async Task Requester_CannotReadTheArgumentsOfTheirOwnRefusedToolCall_AnAuditorCan()
    {
        const string Secret = "\"name\":\"legacy-payments-vault\"";
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("delete_repository", "{" + Secret + "}"));
        await ChatAsync(Gateway.Token("ria", "dev"), "gpt-test", "clean up");
        var id = (await Gateway.WaitForExchangeAsync("ria")).ExchangeId;

        var own = await Gateway.Client(Gateway.Token("ria", "dev")).GetStringAsync($"api/audit/{id}", Token);
        var audited = await Gateway.Client(Gateway.Token("audra@example.com")).GetStringAsync($"api/audit/{id}", Token);

        Assert.DoesNotContain("legacy-payments-vault", own, StringComparison.Ordinal);
        Assert.Contains("withheld", own, StringComparison.Ordinal);
        Assert.Contains("legacy-payments-vault", audited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldToolCall_TheReviewerSeesWhatTheyApprove_TheRequesterOnlyThatItIsPending()
    {
        Upstream.Handler = (context, _) => Json(context, ToolCallShapes.ChatCompletion("edit_file", ToolCallShapes.EditArguments("src/auth/session-fixation.cs")));
        var held = ChatAsync(Gateway.Token("pia", "dev"), "quick-model", "harden the session", expectOk: false);
        var id = await PendingIdAsync("sec", "security");

        var reviewer = await Gateway.Client(Gateway.Token("sec", "security")).GetStringAsync($"api/approvals/{id}", Token);
        var requester = await Gateway.Client(Gateway.Token("pia", "dev")).GetStringAsync($"api/approvals/{id}", Token);
        var shown = await GatehouseCommand.RunAsync("approvals", "show", id, "--url", Gateway.BaseUri.ToString(), "--token", Gateway.Token("sec", "security"));

        Assert.Contains("session-fixation.cs", reviewer, StringComparison.Ordinal);
        Assert.Contains("edit_file", reviewer, StringComparison.Ordinal);
        Assert.Contains("pending", requester, StringComparison.Ordinal);
        Assert.DoesNotContain("session-fixation.cs", requester, StringComparison.Ordinal);
        Assert.Contains("session-fixation.cs", shown.Output, StringComparison.Ordinal);
        using var rejected = await Gateway.ReviewAsync("sec", ["security"], id, "reject");
        await held;
    }

    [Fact]
    public async Task HeldRequest_TheReviewerSeesThePrompt_TheRequesterDoesNotGetItBackThroughTheApproval()
    {
        var held = Send(Gateway.Token("kai", "dev"), "gpt-5", "migrate the ledger to the new schema tonight");
        var id = await PendingIdAsync("lee", "leads");

        var reviewer = await Gateway.Client(Gateway.Token("lee", "leads")).GetStringAsync($"api/approvals/{id}", Token);
        var requester = await Gateway.Client(Gateway.Token("kai", "dev")).GetStringAsync($"api/approvals/{id}", Token);

        Assert.Contains("migrate the ledger", reviewer, StringComparison.Ordinal);
        Assert.DoesNotContain("migrate the ledger", requester, StringComparison.Ordinal);
        using var rejected = await Gateway.ReviewAsync("lee", Leads, id, "reject");
        using var _ = await held;
    }

    [Fact]
    public async Task KeyAndApprovalRowsEditedInTheDatabase_AuditVerifyFailsNamingThem()
    {
        var key = await CreateKeyAsync("ci-bot", "kai@dev.local", "dev");
        var keyId = key.Split('_')[1];
        var held = Send(Bearer(key), "gpt-5", "deploy");
        var approvalId = await PendingIdAsync("lee", "leads");
        using (var rejected = await Gateway.ReviewAsync("lee", Leads, approvalId, "reject"))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        using (await held)
        {
        }

        var before = await GatehouseCommand.RunAsync("audit", "verify", "--db", Gateway.DatabasePath);
        Assert.True(before.ExitCode == 0, before.Output + before.Error);
        Assert.Contains("rows: intact", before.Output, StringComparison.Ordinal);
        Assert.Contains("key.created", await Gateway.EntryKindsAsync());

        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Gateway.DatabasePath};Pooling=False"))
        {
            raw.Open();
            using var edit = raw.CreateCommand();
            edit.CommandText = $"UPDATE api_keys SET groups = '[\"dev\",\"admins\"]'; UPDATE approvals SET state = 'approved' WHERE id = '{approvalId}'";
            edit.ExecuteNonQuery();
        }

        var after = await GatehouseCommand.RunAsync("audit", "verify", "--db", Gateway.DatabasePath);

        Assert.Equal(1, after.ExitCode);
        Assert.Contains("rows: TAMPERED", after.Output, StringComparison.Ordinal);
        Assert.Contains($"approvals row '{approvalId}'", after.Output, StringComparison.Ordinal);
        Assert.Contains($"api_keys row '{keyId}'", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, after.Output, StringComparison.Ordinal);
    }

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-identity-bypass-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        var second = _second.GetAwaiter().GetResult();
        return config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            Identity = config.Identity with { Oidc = [.. config.Identity.Oidc, second.Config()] },
            Roles = new RolesConfig { Auditor = new RoleMembers { Users = ["audra@example.com"] } },
        };
    }

    protected override void CleanUp()
    {
        File.Delete(_policyPath);
        _second.GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<string> CreateKeyAsync(string name, string owner, string groups)
    {
        var created = await GatehouseCommand.RunAsync("keys", "create", "--name", name, "--owner", owner, "--groups", groups, "--expires", "1d", "--db", Gateway.DatabasePath);
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.Trim();
    }

    private async Task<string> PendingIdAsync(string reviewer, string group)
    {
        using var client = Gateway.Client(Gateway.Token(reviewer, group));
        return await Eventually.ValueAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("api/approvals?state=pending", Token)).EnumerateArray()
                .Select(a => a.GetProperty("id").GetString()).FirstOrDefault(),
            "a pending approval");
    }

    private HttpClient Bearer(string credential)
    {
        var client = new HttpClient { BaseAddress = Gateway.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    private Task<HttpResponseMessage> Send(string credential, string model, string prompt) => Send(Bearer(credential), model, prompt);

    private static Task<HttpResponseMessage> Send(HttpClient client, string model, string prompt)
        => client.PostAsJsonAsync("openai/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = prompt } } }, Token);

    private async Task ChatAsync(string token, string model, string prompt, bool expectOk = true)
    {
        using var response = await Send(token, model, prompt);
        if (expectOk)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static Task Json(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }
}
