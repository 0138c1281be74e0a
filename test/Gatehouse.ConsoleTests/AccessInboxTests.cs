using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.ConsoleTests.Infrastructure;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>Just-in-time access requests in the review inbox, beside held requests and responses.</summary>
public sealed class AccessInboxTests(ConsoleBrowser browser) : ConsoleTest(browser)
{
    protected override GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Access = new AccessConfig
        {
            Connections = new Dictionary<string, AccessConnectionConfig> { ["locked"] = new() { ReviewerGroups = ["reviewers"] } },
        },
    };

    [Fact]
    public async Task AccessRequest_ApprovedInTheBrowser_LetsTheRequesterThrough_AndTheRequesterSeesNoButton()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("locked answer"));
        using var alice = Gateway.Client(Gateway.Token("alice", "dev"));
        using (var before = await Locked(alice))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        using var requested = await alice.PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "incident 42: read the locked model" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var id = (await requested.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;

        var own = await SignInAsync("alice");
        await own.GotoAsync(Url("console/reviews"));
        var mine = own.GetByTestId("access-item");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.GetByTestId("own")).ToHaveTextAsync("You asked for this: another reviewer decides it.");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        var bob = await SignInAsync("bob");
        await bob.GotoAsync(Url("console/reviews"));
        var item = bob.GetByTestId("access-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("requester")).ToHaveTextAsync("alice@dev.local");
        await Assertions.Expect(item.GetByTestId("reason")).ToHaveTextAsync("incident 42: read the locked model");
        await item.GetByLabel("Justification").FillAsync("On call for incident 42.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(bob.GetByTestId("notice")).ToContainTextAsync($"You approved {id}.");
        await Assertions.Expect(bob.GetByTestId("access-item")).ToHaveCountAsync(0);
        using (var after = await Locked(alice))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        var shown = await alice.GetFromJsonAsync<JsonElement>($"api/access/requests/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("active", shown.GetProperty("state").GetString());
        Assert.Equal("On call for incident 42.", shown.GetProperty("reviews")[0].GetProperty("justification").GetString());
    }

    [Fact]
    public async Task Requester_WithdrawsTheirOwnAccessRequest_ItNeverGrants_AndHistoryShowsItCancelled()
    {
        using var alice = Gateway.Client(Gateway.Token("alice", "dev"));
        using var requested = await alice.PostAsJsonAsync("api/access/requests", new { connection = "locked", duration = "1h", reason = "not needed after all" }, TestContext.Current.CancellationToken);
        var id = (await requested.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;

        var bob = await SignInAsync("bob");
        await bob.GotoAsync(Url("console/reviews"));
        await Assertions.Expect(bob.GetByTestId("access-item").GetByTestId("withdraw")).ToHaveCountAsync(0);
        await bob.GotoAsync(Url($"console/reviews/withdraw?id={id}"));
        await Assertions.Expect(bob.GetByRole(AriaRole.Button, new() { Name = "Withdraw request" })).ToHaveCountAsync(0);

        var own = await SignInAsync("alice");
        await own.GotoAsync(Url("console/reviews"));
        await own.GetByTestId("access-item").GetByTestId("withdraw").ClickAsync();
        await Assertions.Expect(own.GetByTestId("withdraw-item")).ToContainTextAsync(id);
        await own.GetByRole(AriaRole.Button, new() { Name = "Withdraw request" }).ClickAsync();

        await Assertions.Expect(own.GetByTestId("notice")).ToContainTextAsync($"You withdrew {id}.");
        await Assertions.Expect(own.GetByTestId("access-item")).ToHaveCountAsync(0);
        var shown = await alice.GetFromJsonAsync<JsonElement>($"api/reviews/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("cancelled", shown.GetProperty("state").GetString());
        using (var after = await Locked(alice))
        {
            Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        }

        await own.GotoAsync(Url("console/reviews/history"));
        var decided = own.GetByTestId("history-access-item");
        await Assertions.Expect(decided).ToHaveCountAsync(1);
        await Assertions.Expect(decided).ToContainTextAsync("cancelled");
    }

    private static Task<HttpResponseMessage> Locked(HttpClient client) => client.PostAsync(
        "locked/v1/chat/completions",
        new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hello"}]}""", System.Text.Encoding.UTF8, "application/json"),
        TestContext.Current.CancellationToken);
}
