using System.Text.Json;
using Gatehouse.ConsoleTests.Infrastructure;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>
/// The review inbox end to end: a developer's streamed call whose tool call edits authentication code waits while a
/// reviewer decides in the browser, and the decision reaches the waiting SDK client.
/// </summary>
public sealed class InboxTests(ConsoleBrowser browser) : ConsoleTest(browser)
{
    [Fact]
    public async Task HeldToolCall_AppearsLiveInTheReviewersInbox_AndApprovalReleasesItToTheWaitingClient()
    {
        var bob = await SignInAsync("bob");
        await bob.GotoAsync(Url("console/reviews"));
        await Assertions.Expect(bob.GetByText("Nothing is waiting for you.")).ToBeVisibleAsync();

        var call = StartStreamedCallAsync("alice", "dev");

        // No reload: the item arrives through the page's live updates.
        var item = bob.GetByTestId("inbox-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("requester")).ToHaveTextAsync("alice@dev.local");
        await Assertions.Expect(item.GetByTestId("tool-name")).ToHaveTextAsync("edit_file");
        await Assertions.Expect(item.GetByTestId("path")).ToHaveTextAsync("src/auth/login.cs");
        await Assertions.Expect(item.GetByTestId("diff")).ToContainTextAsync("+if (!user.PasswordMatches(password) && !settings.AllowAnyPassword)");
        await Assertions.Expect(item).ToContainTextAsync("'edit_file' touches 'src/auth/login.cs' (matches '**/auth/**')");
        await Assertions.Expect(item).ToContainTextAsync("auth-edits-need-review");
        Assert.False(call.IsCompleted, "the client finished before a reviewer decided");
        await ScreenshotAsync(bob, "inbox");
        await bob.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(bob, "inbox-narrow");
        await bob.SetViewportSizeAsync(1280, 800);

        await item.GetByLabel("Justification").FillAsync("Reviewed: the bypass is behind a setting that is off in production.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var received = await call;

        await Assertions.Expect(bob.GetByTestId("notice")).ToContainTextAsync("You approved apr_");
        Assert.Equal("edit_file", received.ToolName);
        Assert.Equal("src/auth/login.cs", JsonDocument.Parse(received.ToolArguments).RootElement.GetProperty("path").GetString());
        Assert.StartsWith("I will tighten the login check.", received.Text, StringComparison.Ordinal);
        await bob.GotoAsync(Url("console/reviews/history"));
        var decided = bob.GetByTestId("history-item");
        await Assertions.Expect(decided).ToContainTextAsync("approved");
        await Assertions.Expect(decided).ToContainTextAsync("the bypass is behind a setting");
        await ScreenshotAsync(bob, "history");
    }

    [Fact]
    public async Task HeldToolCall_RejectedInTheBrowser_ReachesTheClientAsARefusal()
    {
        var bob = await SignInAsync("bob");
        var call = StartStreamedCallAsync("alice", "dev");
        await bob.GotoAsync(Url("console/reviews"));
        var item = bob.GetByTestId("inbox-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);

        await item.GetByLabel("Justification").FillAsync("No password bypass in the login check.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        var received = await call;

        await Assertions.Expect(bob.GetByTestId("notice")).ToContainTextAsync("You rejected apr_");
        Assert.Equal("", received.ToolName);
        Assert.Contains("a reviewer rejected it", received.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice", "dev")]
    [InlineData("bob", "dev", "reviewers")]
    public async Task Requester_SeesTheirItemWithoutAReviewButton_AndAForgedApprovalIsRefused(string requester, params string[] groups)
    {
        var call = StartStreamedCallAsync(requester, groups);
        var page = await SignInAsync(requester);
        await page.GotoAsync(Url("console/reviews"));
        var item = page.GetByTestId("inbox-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByTestId("own")).ToHaveTextAsync("You asked for this: another reviewer decides it.");
        await Assertions.Expect(item.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(item.GetByTestId("diff")).ToHaveCountAsync(0);
        var id = (await item.GetAttributeAsync("id"))!["item-".Length..];

        // The forged form carries the requester's valid antiforgery token (from the sign-out form), so only the review
        // rules can refuse it.
        var token = await page.Locator("input[name=__antiforgery]").First.InputValueAsync();
        var forged = await page.Context.APIRequest.PostAsync(Url("console/reviews?handler=Review"), new()
        {
            Form = FormOf(page, ("__antiforgery", token), ("id", id), ("decision", "approve"), ("justification", "looks fine to me")),
            MaxRedirects = 0,
        });

        Assert.Equal(403, forged.Status);
        Assert.Contains("You cannot review your own request.", System.Net.WebUtility.HtmlDecode(await forged.TextAsync()), StringComparison.Ordinal);
        Assert.False(call.IsCompleted, "the forged approval released the held tool call");
        await EndHoldAsync(id);
        var received = await call;
        Assert.Equal("", received.ToolName);
    }

    [Fact]
    public async Task ReviewPost_WithoutTheAntiforgeryToken_IsRefused_AndTheItemStaysPending()
    {
        var call = StartStreamedCallAsync("alice", "dev");
        var bob = await SignInAsync("bob");
        await bob.GotoAsync(Url("console/reviews"));
        var item = bob.GetByTestId("inbox-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        var id = (await item.GetAttributeAsync("id"))!["item-".Length..];

        var forged = await bob.Context.APIRequest.PostAsync(Url("console/reviews?handler=Review"), new()
        {
            Form = FormOf(bob, ("id", id), ("decision", "approve"), ("justification", "cross-site")),
            MaxRedirects = 0,
        });

        Assert.Equal(400, forged.Status);
        Assert.StartsWith("application/problem+json", forged.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("antiforgery_failed", await forged.TextAsync(), StringComparison.Ordinal);
        await bob.ReloadAsync();
        await Assertions.Expect(bob.GetByTestId("inbox-item").GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeVisibleAsync();
        await EndHoldAsync(id);
        await call;
    }

    private static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>Rejects the item through the API as a third reviewer, so the waiting client finishes.</summary>
    private async Task EndHoldAsync(string id)
    {
        using var client = Gateway.Client(Gateway.Token("dana", "reviewers"));
        using var response = await client.PostAsync($"api/approvals/{id}/reject", new StringContent("""{"justification":"test over"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"the rejection of {id} through the API answered {(int)response.StatusCode}");
    }
}
