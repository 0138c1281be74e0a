using System.ClientModel;
using System.Text.RegularExpressions;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.Playwright;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>
/// A console test: the real gateway on Kestrel (development issuer, fake upstream) under a policy that holds tool calls
/// editing authentication code for the <c>reviewers</c> group, and a browser to sign people in with.
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class ConsoleTest : IAsyncLifetime
{
    public const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev, auditor]}
            effect: allow
          - name: auth-edits-need-review
            match: {direction: response, tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            reason: changes to authentication code need a security review
            approval: {reviewer_groups: [reviewers], wait: 60s}
        """;

    /// <summary>An edit of the login check, as an agent's <c>edit_file</c> tool sends it.</summary>
    public static readonly string AuthEdit = System.Text.Json.JsonSerializer.Serialize(new
    {
        path = "src/auth/login.cs",
        old_string = "if (!user.PasswordMatches(password))\n    return Fail();",
        new_string = "if (!user.PasswordMatches(password) && !settings.AllowAnyPassword)\n    return Fail();",
    });

    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConsoleGateway? _shared;
    private ConsoleGateway _gateway = null!;

    /// <summary>A test with a gateway of its own, started before and stopped after it (for tests that need an empty store).</summary>
    protected ConsoleTest(ConsoleBrowser browser)
        : this(browser, null)
    {
    }

    /// <summary>A test on <paramref name="shared"/>, the gateway its class shares; people it signs in keep their session across the class.</summary>
    protected ConsoleTest(ConsoleBrowser browser, ConsoleGateway? shared)
    {
        Browser = browser;
        _shared = shared;
    }

    protected ConsoleBrowser Browser { get; }

    protected FakeUpstream Upstream => _gateway.Upstream;

    protected GatewayUnderTest Gateway => _gateway.Gateway;

    /// <summary>Gets whether <see cref="SignInAsync"/> may reuse a session signed in earlier on the shared gateway (default: yes).</summary>
    protected virtual bool ReusesSessions => true;

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(60_000);
        if (_shared is null)
        {
            _gateway = new ConsoleGateway(Adjust);
            await _gateway.InitializeAsync();
        }
        else
        {
            _gateway = _shared;
        }

        Upstream.Handler = (context, _) => Sse.WriteAsync(context, ToolCallShapes.ChatStream("I will tighten the login check. ", "edit_file", AuthEdit));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_shared is null)
        {
            await _gateway.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected string Url(string path) => new Uri(Gateway.BaseUri, path).ToString();

    /// <summary>Adds to the gateway's configuration what a test class with a gateway per test needs (checkpoints, access requests, ...).</summary>
    protected virtual GatehouseConfig Adjust(GatehouseConfig config) => config;

    /// <summary>Sends one chat call through the gateway as <paramref name="user"/> and returns the exchange id it answered with.</summary>
    protected async Task<string> ChatAsync(string user, string prompt, params string[] groups)
    {
        using var client = Gateway.Client(Gateway.Token(user, groups));
        return await ChatAsync(client, "openai", prompt);
    }

    /// <summary>Sends one chat call to <paramref name="connection"/> with <paramref name="client"/>'s credential; returns the exchange id.</summary>
    protected static async Task<string> ChatAsync(HttpClient client, string connection, string prompt)
    {
        using var response = await client.PostAsync($"{connection}/v1/chat/completions", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { model = "gpt-test", messages = new[] { new { role = "user", content = prompt } } }),
            System.Text.Encoding.UTF8,
            "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"the chat call answered {(int)response.StatusCode}: {body}");
        return response.Headers.GetValues("x-gatehouse-exchange").Single();
    }

    /// <summary>
    /// Signs <paramref name="user"/> in, in a browser context of their own: through the OpenID Connect flow (the
    /// development issuer's picker) the first time, and on a shared gateway with the session cookie that sign-in gave
    /// afterwards (a fresh context each time, so nothing else carries over from another test).
    /// </summary>
    protected async Task<IPage> SignInAsync(string user, int width = 1280, int height = 800)
    {
        var reuse = _shared is not null && ReusesSessions;
        var session = reuse ? _shared!.SessionOf(user) : null;
        var context = await Browser.NewContextAsync(width, height, session);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("console"));
        if (session is null)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dev-issuer/authorize\\?"));
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + user + " ") }).ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        if (reuse && session is null)
        {
            _shared!.KeepSession(user, await context.StorageStateAsync());
        }

        return page;
    }

    /// <summary>Starts a developer's streamed chat call through the OpenAI SDK; completes with the text and the tool calls the client received.</summary>
    protected Task<StreamedCall> StartStreamedCallAsync(string user, params string[] groups)
    {
        var chat = new ChatClient("gpt-test", new ApiKeyCredential(Gateway.Token(user, groups)), new OpenAIClientOptions
        {
            Endpoint = new Uri(Gateway.BaseUri, "openai/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });
        return Task.Run(async () =>
        {
            var text = "";
            var name = "";
            var arguments = "";
            await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("tighten the login check")], cancellationToken: TestContext.Current.CancellationToken))
            {
                text += string.Concat(update.ContentUpdate.Select(p => p.Text));
                foreach (var tool in update.ToolCallUpdates)
                {
                    name += tool.FunctionName ?? "";
                    arguments += tool.FunctionArgumentsUpdate?.ToString() ?? "";
                }
            }

            return new StreamedCall(text, name, arguments);
        });
    }

    /// <summary>Saves a full-page screenshot to <see cref="ConsoleBrowser.ScreenshotFolder"/>.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
