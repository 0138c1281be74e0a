using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Just-in-time access: a developer without standing access to <c>locked</c> asks for it, a reviewer approves, the
/// policy sees the grant, and the access ends on time (a fake clock), every step in the audit trail.
/// </summary>
public sealed class AccessTests : AccessGatewayTest
{
    protected override string Policy => """
        default: deny
        rules:
          - name: developers-on-openai
            match: {groups: [dev], connections: [openai]}
            effect: allow
          - name: locked-by-grant
            match: {connections: [locked]}
            when: "'locked' in grants"
            effect: allow
        """;

    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    protected override TimeProvider Time => _clock;

    [Fact]
    public async Task Developer_GetsThroughOnlyWhileTheApprovedGrantLasts_AndEveryStepIsAudited()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("locked answer"));
        using (var before = await Chat("dev1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
            Assert.Contains("gatehouse access request --connection locked", await before.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using var requested = await As("dev1", "dev").PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "incident 42" }, Token);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var grant = await requested.Content.ReadFromJsonAsync<JsonElement>(Token);
        var id = grant.GetProperty("id").GetString()!;
        Assert.Equal("pending", grant.GetProperty("state").GetString());

        _clock.Advance(TimeSpan.FromMinutes(5));
        using var approved = await As("lee", "leads").PostAsJsonAsync($"api/access/requests/{id}/approve", new { justification = "on call" }, Token);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approvedAt = _clock.GetUtcNow();

        using (var during = await Chat("dev1"))
        {
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
            Assert.Contains("locked answer", await during.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        _clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        using (var late = await Chat("dev1"))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using (var after = await Chat("dev1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
            Assert.Contains("connection_forbidden", await after.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        var shown = await As("dev1", "dev").GetFromJsonAsync<JsonElement>($"api/access/requests/{id}", Token);
        Assert.Equal(("expired", approvedAt.AddHours(1)), (shown.GetProperty("state").GetString(), shown.GetProperty("endsAt").GetDateTimeOffset()));
        var grantEntries = await EntriesAsync(id);
        Assert.Equal(["grant.requested", "grant.reviewed", "grant.approved"], grantEntries.Select(e => e.Kind));
        Assert.Equal(["dev1", "lee", "lee"], grantEntries.Select(e => e.Index.Subject));
        var allowed = await DecidedExchangesAsync();
        Assert.Equal(2, allowed.Count(r => r.Intent.Decision == "allow" && r.Intent.Rules.Contains("locked-by-grant")));
    }

    [Theory]
    [InlineData("1.5h", "write '90m' instead")]
    [InlineData("0s", "0s is outside the range")]
    [InlineData("4h1m", "241m is outside the range")]
    public async Task Requests_DurationOutsideTheGrammarOrRange_AreRefusedWithWhatToWrite(string duration, string advice)
    {
        using var refused = await As("dev3", "dev").PostAsJsonAsync("api/access/requests", new { connection = "locked", duration, reason = "x" }, Token);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
        var detail = problem.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("invalid_duration", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"duration: '{duration}' is not a duration from 1s to 4h: ", detail, StringComparison.Ordinal);
        Assert.Contains(advice, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_EndsTheAccessAtOnce_AndOnlyReviewersOrTheRequesterMay()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var id = await RequestAsync("dev2");
        using (await As("lee", "leads").PostAsync($"api/access/requests/{id}/approve", null, Token))
        {
        }

        using (var during = await Chat("dev2"))
        {
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        }

        using var outsider = await As("eve", "dev").PostAsync($"api/access/requests/{id}/revoke", null, Token);
        using var revoked = await As("lee", "leads").PostAsync($"api/access/requests/{id}/revoke", null, Token);
        using var after = await Chat("dev2");

        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal("application/problem+json", outsider.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal("grant.revoked", (await EntriesAsync(id))[^1].Kind);
    }

    [Fact]
    public async Task Requests_AreRefusedForUnlistedConnectionsTooLongDurationsAndSelfApproval()
    {
        using var unlisted = await As("dev3", "dev").PostAsJsonAsync("api/access/requests", new { connection = "openai", duration = "1h", reason = "x" }, Token);
        using var tooLong = await As("dev3", "dev").PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "5h", reason = "x" }, Token);
        var id = await RequestAsync("lead1", "leads");
        using var self = await As("lead1", "leads").PostAsync($"api/access/requests/{id}/approve", null, Token);
        var othersView = await As("dev3", "dev").GetFromJsonAsync<JsonElement>("api/access/requests", Token);
        using var malformed = await As("dev3", "dev").PostAsync("api/access/requests", new StringContent("{connection:", Encoding.UTF8, "application/json"), Token);
        using var anonymous = await Gateway.Client().GetAsync("api/access/requests", Token);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), (unlisted.StatusCode, tooLong.StatusCode));
        Assert.Contains("not_requestable", await unlisted.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains("invalid_duration", await tooLong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("self_review", await self.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(0, othersView.GetArrayLength());
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (malformed.StatusCode, malformed.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Pending_PastItsTimeout_IsTimedOutAndCanNoLongerBeApproved()
    {
        var id = await RequestAsync("dev5");
        _clock.Advance(AccessConnectionConfig.DefaultTimeout);

        using var late = await As("lee", "leads").PostAsync($"api/access/requests/{id}/approve", null, Token);
        var shown = await As("dev5", "dev").GetFromJsonAsync<JsonElement>($"api/access/requests/{id}", Token);
        using var chat = await Chat("dev5");

        // The review finds it overdue ("expired"), unless the sweeper stored the timeout first ("already_resolved").
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("timed_out", shown.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, chat.StatusCode);
        // When the sweeper (its timer fired by the advance) stored the timeout first, it audits it in the background.
        await Eventually.UntilAsync(async () => (await EntriesAsync(id)).Count >= 2, $"a second audit entry for grant {id}");
        Assert.Equal(["grant.requested", "grant.timed_out"], (await EntriesAsync(id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Cli_RequestsAsTheDeveloperAndApprovesAsTheReviewer()
    {
        var url = Gateway.BaseUri.ToString();
        var requested = await GatehouseCommand.RunAsync(
            "access", "request", "--connection", "locked", "--for", "2h", "--reason", "hotfix", "--url", url, "--token", Gateway.Token("dev4", "dev"), "--json");
        Assert.Equal(0, requested.ExitCode);
        var id = JsonDocument.Parse(requested.Output).RootElement.GetProperty("id").GetString()!;

        var self = await GatehouseCommand.RunAsync("access", "approve", id, "--url", url, "--token", Gateway.Token("dev4", "dev"));
        var approved = await GatehouseCommand.RunAsync("access", "approve", id, "-m", "ship it", "--url", url, "--token", Gateway.Token("lee", "leads"));
        var listed = await GatehouseCommand.RunAsync("access", "list", "--state", "active", "--url", url, "--token", Gateway.Token("dev4", "dev"));

        Assert.Equal(1, self.ExitCode);
        Assert.Contains("self_review", self.Error, StringComparison.Ordinal);
        Assert.Equal(0, approved.ExitCode);
        Assert.Contains("approve by lee", approved.Output, StringComparison.Ordinal);
        Assert.Contains("ship it", approved.Output, StringComparison.Ordinal);
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);
        using var response = await Chat("dev4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> RequestAsync(string user, string groups = "dev")
    {
        using var response = await As(user, groups).PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "needed" }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> Chat(string user)
        => As(user, "dev").PostAsync("locked/v1/chat/completions",
            new StringContent("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"), Token);

    /// <summary>The grant's <c>grant.*</c> entries, in order; the <c>row.sealed</c> entries beside them are the store's.</summary>
    private async Task<List<Gatehouse.Audit.Chain.AuditEntry>> EntriesAsync(string grantId)
    {
        await using var store = Gateway.OpenStore();
        var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            if (entry.ExchangeId == grantId && entry.Kind.StartsWith("grant.", StringComparison.Ordinal))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private async Task<IReadOnlyList<ExchangeRecord>> DecidedExchangesAsync()
    {
        await using var store = Gateway.OpenStore();
        return (await store.SearchAsync(new ExchangeQuery { User = "dev1" }, Token)).Items;
    }
}
