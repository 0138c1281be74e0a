using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// One review API for every kind (<c>/api/reviews</c>): held requests and access requests listed together, decided
/// and withdrawn through the same routes, the kind-specific routes kept as aliases.
/// </summary>
public sealed class ReviewApiTests : AccessGatewayTest
{
    protected override string Policy => """
        default: deny
        rules:
          - name: developers-on-openai
            match: {groups: [dev], connections: [openai], models: ['gpt-4*']}
            effect: allow
          - name: frontier-models-need-review
            match: {models: ['gpt-5*']}
            effect: require_approval
            reason: frontier models need a lead's approval
            approval: {reviewer_groups: [leads], wait: 60s}
          - name: locked-by-grant
            match: {connections: [locked]}
            when: "'locked' in grants"
            effect: allow
        """;

    [Fact]
    public async Task HeldRequest_WithdrawnByItsRequester_TheWaitingClientIsToldSo_AndNobodyElseCanWithdrawIt()
    {
        var held = Gateway.Client(Gateway.Token("kai", "dev")).PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-5","messages":[{"role":"user","content":"plan the migration"}]}""", Encoding.UTF8, "application/json"), Token);
        var id = (await PendingAsync("lee", "leads", "request_hold")).GetProperty("id").GetString()!;

        using var byReviewer = await As("lee", "leads").PostAsync($"api/reviews/{id}/cancel", null, Token);
        using var byStranger = await As("zed", "dev").PostAsync($"api/reviews/{id}/cancel", null, Token);
        using var byRequester = await As("kai", "dev").PostAsync($"api/reviews/{id}/cancel", null, Token);
        using var response = await held;

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Contains("not_requester", await byReviewer.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byRequester.StatusCode);
        var item = await byRequester.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(("cancelled", "request_hold", false), (item.GetProperty("state").GetString(), item.GetProperty("kind").GetString(), item.GetProperty("canCancel").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("approval_withdrawn", problem, StringComparison.Ordinal);
        Assert.Contains("withdrawn by its requester", problem, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        var kinds = await Gateway.EntryKindsAsync();
        Assert.Contains("approval.cancelled", kinds);
        Assert.DoesNotContain("approval.released", kinds);
    }

    [Fact]
    public async Task Reviews_ListEveryKindTheCallerReviewsOrAskedFor_AndDecideThroughOneRouteFamily()
    {
        var held = Gateway.Client(Gateway.Token("kai", "dev")).PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-5","messages":[{"role":"user","content":"held for the list"}]}""", Encoding.UTF8, "application/json"), Token);
        await PendingAsync("lee", "leads", "request_hold");
        using var requested = await As("dev1", "dev").PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "incident 42" }, Token);
        var grantId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;

        var reviewer = await ListAsync("lee", "leads", "api/reviews?state=pending");
        var requester = await ListAsync("dev1", "dev", "api/reviews");
        using var badState = await As("lee", "leads").GetAsync("api/reviews?state=maybe", Token);

        Assert.Equal(["access_request", "request_hold"], reviewer.Select(i => i.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(reviewer, i => Assert.True(i.GetProperty("canReview").GetBoolean()));
        var own = Assert.Single(requester);
        Assert.Equal((grantId, true, false, "incident 42"), (own.GetProperty("id").GetString(), own.GetProperty("canCancel").GetBoolean(), own.GetProperty("canReview").GetBoolean(), own.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("invalid_state", await badState.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        using var approved = await As("lee", "leads").PostAsJsonAsync($"api/reviews/{grantId}/approve", new { justification = "on call" }, Token);
        using var alias = await As("dev1", "dev").GetAsync($"api/access/requests/{grantId}", Token);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());
        Assert.Equal("active", (await alias.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());

        var holdId = (await PendingAsync("lee", "leads", "request_hold")).GetProperty("id").GetString()!;
        using var rejected = await As("lee", "leads").PostAsJsonAsync($"api/reviews/{holdId}/reject", new { justification = "not now" }, Token);
        using var response = await held;
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("approval_rejected", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessRequest_WithdrawnThroughTheAccessAlias_NeverGrants_AndIsAudited()
    {
        using var requested = await As("dev2", "dev").PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "not needed after all" }, Token);
        var id = (await requested.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;

        using var byReviewer = await As("lee", "leads").PostAsync($"api/access/requests/{id}/cancel", null, Token);
        using var cancelled = await As("dev2", "dev").PostAsync($"api/access/requests/{id}/cancel", null, Token);
        using var approveAfter = await As("lee", "leads").PostAsJsonAsync($"api/reviews/{id}/approve", new { justification = "too late" }, Token);
        using var chat = await As("dev2", "dev").PostAsync("locked/v1/chat/completions",
            new StringContent("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        Assert.Contains("already_resolved", await approveAfter.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, chat.StatusCode);
        Assert.Contains("grant.cancelled", await Gateway.EntryKindsAsync());
    }

    private async Task<List<JsonElement>> ListAsync(string user, string groups, string url)
    {
        var list = await As(user, groups).GetFromJsonAsync<JsonElement>(url, Token);
        return [.. list.EnumerateArray()];
    }

    private async Task<JsonElement> PendingAsync(string reviewer, string groups, string kind)
    {
        var found = await Eventually.ValueAsync(
            async () =>
            {
                var list = await ListAsync(reviewer, groups, $"api/reviews?state=pending&kind={kind}");
                return list.Count > 0 ? new[] { list[0] } : null;
            },
            $"a pending {kind} that {reviewer} can see");
        return found[0];
    }
}
