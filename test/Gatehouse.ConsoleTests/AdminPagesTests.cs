using System.Net;
using Gatehouse.ConsoleTests.Infrastructure;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>
/// The admin pages: an admin creates an API key (shown once), the gateway takes it, the admin revokes it and the gateway
/// refuses it; admin forms without their antiforgery token and people without the admin role are refused.
/// </summary>
public sealed class AdminPagesTests(ConsoleBrowser browser) : ConsoleTest(browser)
{
    [Fact]
    public async Task Admin_CreatesAKeyShownOnce_ThenRevokesIt_AndTheGatewayRefusesItFromThen()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("hello from upstream"));
        var dave = await SignInAsync("dave");
        await dave.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        await Assertions.Expect(dave.GetByTestId("connection")).ToHaveCountAsync(Gateway.Config.Connections.Count);
        await ScreenshotAsync(dave, "admin");
        await dave.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();

        await dave.GetByLabel("Name").FillAsync("ci-bot");
        await dave.GetByLabel("Owner").FillAsync("alice@dev.local");
        await dave.GetByLabel("Groups").FillAsync("dev");
        await dave.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = (await dave.GetByTestId("new-key").TextContentAsync())!.Trim();
        await Assertions.Expect(dave.Locator("[data-testid=key][data-key-name=ci-bot] [data-testid=key-state]")).ToHaveTextAsync("active");

        using (var client = Gateway.Client(key))
        {
            await ChatAsync(client, "openai", "hello");
        }

        // Shown once: the next visit lists the key without its secret.
        await dave.GotoAsync(Url("console/admin/keys"));
        await Assertions.Expect(dave.GetByTestId("new-key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await dave.ContentAsync(), StringComparison.Ordinal);

        await dave.GetByRole(AriaRole.Button, new() { Name = "Revoke ci-bot" }).ClickAsync();
        await Assertions.Expect(dave.GetByTestId("notice")).ToContainTextAsync("the gateway refuses it from now on");
        await Assertions.Expect(dave.Locator("[data-testid=key][data-key-name=ci-bot] [data-testid=key-state]")).ToHaveTextAsync("revoked");
        using (var client = Gateway.Client(key))
        {
            using var refused = await client.PostAsync("openai/v1/chat/completions", new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"again"}]}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task AdminPost_WithoutTheAntiforgeryToken_IsRefused_AndNoKeyIsCreated()
    {
        var dave = await SignInAsync("dave");
        await dave.GotoAsync(Url("console/admin/keys"));

        var form = dave.Context.APIRequest.CreateFormData();
        form.Set("Name", "forged");
        form.Set("Owner", "dave@dev.local");
        var forged = await dave.Context.APIRequest.PostAsync(Url("console/admin/keys?handler=Create"), new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        Assert.StartsWith("application/problem+json", forged.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("antiforgery_failed", await forged.TextAsync(), StringComparison.Ordinal);
        await dave.ReloadAsync();
        await Assertions.Expect(dave.GetByText("There is no key.")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("carol")]
    [InlineData("bob")]
    public async Task AdminPages_AreForbidden_ToPeopleWithoutTheAdminRole(string user)
    {
        var page = await SignInAsync(user);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);

        foreach (var path in new[] { "console/admin", "console/admin/keys", "console/admin/holds" })
        {
            var response = await page.GotoAsync(Url(path));
            Assert.Equal(403, response!.Status);
            Assert.Contains("console_forbidden", await response.TextAsync(), StringComparison.Ordinal);
        }
    }
}
