using System.Net;
using System.Text.RegularExpressions;
using Gatehouse.ConsoleTests.Infrastructure;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>
/// The admin pages: an admin creates an API key (shown once), the gateway takes it, the admin revokes it and the gateway
/// refuses it; legal holds are placed and released (each audited) and the checkpoints verified; admin forms without
/// their antiforgery token and people without the admin role are refused.
/// </summary>
/// <remarks>The tests share one gateway: each asserts on the keys and holds it made, never on the whole list.</remarks>
public sealed class AdminPagesTests(ConsoleBrowser browser, CheckpointedConsoleGateway gateway) : ConsoleTest(browser, gateway), IClassFixture<CheckpointedConsoleGateway>
{
    [Fact]
    public async Task Admin_PlacesAndReleasesALegalHold_EachAudited_AndVerifiesTheSignedCheckpoints()
    {
        var dave = await SignInAsync("dave");
        await dave.GotoAsync(Url("console/admin/holds"));
        await dave.GetByLabel("Hold", new() { Exact = true }).SelectOptionAsync("user");
        await dave.GetByLabel("Exchange id or user").FillAsync("alice@dev.local");
        await dave.GetByLabel("Reason").FillAsync("matter 2026-117");
        await dave.GetByRole(AriaRole.Button, new() { Name = "Place hold" }).ClickAsync();

        await Assertions.Expect(dave.GetByTestId("notice")).ToContainTextAsync("Placed legal hold hold-");
        var hold = dave.GetByTestId("hold");
        await Assertions.Expect(hold.GetByTestId("hold-state")).ToHaveTextAsync("active");
        await hold.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Release hold-") }).ClickAsync();
        await Assertions.Expect(dave.GetByTestId("notice")).ToContainTextAsync("Released legal hold hold-");
        await Assertions.Expect(hold.GetByTestId("hold-state")).ToHaveTextAsync("released");

        await using (var store = Gateway.OpenStore())
        {
            var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
            await foreach (var entry in store.ReadAllAsync(CancellationToken.None))
            {
                entries.Add(entry);
            }

            var holds = entries.Where(e => e.Kind.StartsWith("hold.", StringComparison.Ordinal)).ToList();
            Assert.Equal(["hold.placed", "hold.released"], holds.Select(e => e.Kind));
            Assert.All(holds, e => Assert.Contains("dave@dev.local", System.Text.Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
            await Eventually.UntilAsync(
                async () => (await store.ReadCheckpointsAsync(CancellationToken.None)).Any(c => c.TreeSize >= holds[^1].Sequence),
                "a checkpoint signed over the hold entries");
        }

        await dave.GotoAsync(Url("console/admin"));
        await Assertions.Expect(dave.GetByTestId("verification")).ToHaveTextAsync("Not verified since the gateway started.");
        await Assertions.Expect(dave.GetByTestId("checkpoint").First).ToBeVisibleAsync();
        await dave.GetByRole(AriaRole.Button, new() { Name = "Verify every checkpoint now" }).ClickAsync();
        await Assertions.Expect(dave.GetByTestId("verification")).ToContainTextAsync(new Regex("by dave@dev.local: intact: [1-9][0-9]* checkpoints hold over [1-9][0-9]* entries"));
    }

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
        await Assertions.Expect(dave.GetByRole(AriaRole.Button, new() { Name = "Create key" })).ToBeVisibleAsync();
        await Assertions.Expect(dave.Locator("[data-testid=key][data-key-name=forged]")).ToHaveCountAsync(0);
        await using var store = Gateway.OpenStore();
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), k => k.Name == "forged");
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
