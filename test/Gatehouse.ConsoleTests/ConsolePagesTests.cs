using Gatehouse.ConsoleTests.Infrastructure;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>
/// Every console page as each person sees it, at 1280x800 and in a narrow window: chromium reports no error (a
/// Content-Security-Policy violation by an inline script or style would be one), nothing scrolls sideways, and the
/// forms are reachable and usable by keyboard with the focus visible.
/// </summary>
/// <remarks>The tests share one gateway and only read pages: the exchanges they open are ones each test made.</remarks>
public sealed class ConsolePagesTests(ConsoleBrowser browser, ConsoleGateway gateway) : ConsoleTest(browser, gateway), IClassFixture<ConsoleGateway>
{
    private static readonly string[] EveryonesPages = ["console", "console/reviews", "console/reviews/history", "console/audit", "console/audit?text=otter"];

    private static readonly string[] AdminPages = ["console/admin", "console/admin/keys", "console/admin/holds"];

    [Theory]
    [InlineData("alice", 1280, 800)]
    [InlineData("bob", 1280, 800)]
    [InlineData("carol", 1280, 800)]
    [InlineData("dave", 1280, 800)]
    [InlineData("alice", 400, 800)]
    [InlineData("carol", 400, 800)]
    [InlineData("dave", 400, 800)]
    public async Task EveryPage_LoadsWithoutABrowserError_AndNeverScrollsSideways(string user, int width, int height)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("The otter report is ready."));
        var exchange = await ChatAsync(user, $"write the otter report for {user} with key AKIAZQ7VRK2LM6TX4WP3", "dev", "auditor");
        var page = await SignInAsync(user, width, height);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("script error: " + error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                errors.Add($"{response.Status} for {response.Url}");
            }
        };

        var paths = EveryonesPages.Append($"console/audit/{exchange}").Concat(user == "dave" ? AdminPages : []);
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(Url(path));
            Assert.True(response!.Status == 200, $"{path} answered {response.Status} to {user}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(sideways <= 0, $"{path} scrolls {sideways} px sideways at {width}x{height} for {user}");
            var outside = await page.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll('a[href^="http"], script[src^="http"], link[href^="http"], img[src^="http"]'))
                    .map(e => e.outerHTML)
                """);
            Assert.True(outside.Length == 0, $"{path} loads from outside the gateway: {string.Join(", ", outside)}");
            var fakeButtons = await page.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll('[onclick], [role=button]:not(button), a:not([href])')).map(e => e.outerHTML)
                """);
            Assert.True(fakeButtons.Length == 0, $"{path} has controls that are not buttons or links: {string.Join(", ", fakeButtons)}");
        }

        if (width < 640)
        {
            await ScreenshotAsync(page, $"narrow-{user}");
        }

        Assert.True(errors.Count == 0, $"chromium reported for {user} at {width}x{height}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task AuditSearch_IsUsableByKeyboard_EveryFilterReachedByTab_WithTheFocusVisible()
    {
        var carol = await SignInAsync("carol");
        await carol.GotoAsync(Url("console/audit"));

        var reached = new List<string>();
        for (var i = 0; i < 40 && !reached.Contains("button:Search"); i++)
        {
            await carol.Keyboard.PressAsync("Tab");
            var focus = await carol.EvaluateAsync<string[]>("""
                () => {
                  const e = document.activeElement;
                  const style = getComputedStyle(e);
                  return [e.tagName.toLowerCase() + ':' + (e.id || e.textContent.trim()), style.outlineStyle + ' ' + style.outlineWidth];
                }
                """);
            reached.Add(focus[0]);
            Assert.True(focus[1] != "none 0px" && !focus[1].StartsWith("none", StringComparison.Ordinal), $"{focus[0]} takes the focus without a visible outline ({focus[1]})");
        }

        foreach (var field in new[] { "text", "user", "group", "connection", "model", "decision", "rule", "finding", "status", "from", "to", "limit" })
        {
            Assert.Contains(reached, r => r.EndsWith(":" + field, StringComparison.Ordinal));
        }

        Assert.Contains("button:Search", reached);
        Assert.Equal("a:Skip to content", reached[0]);

        // Enter in a field submits the search, as a keyboard user expects.
        await carol.GetByLabel("Text").FocusAsync();
        await carol.Keyboard.TypeAsync("nothing-matches-this");
        await carol.Keyboard.PressAsync("Enter");
        await Assertions.Expect(carol.GetByTestId("no-results")).ToBeVisibleAsync();
        Assert.Contains("text=nothing-matches-this", carol.Url, StringComparison.Ordinal);
    }
}
