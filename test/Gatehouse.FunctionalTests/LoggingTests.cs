using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>At the most verbose level, no log line carries a token, a credential, a prompt, a response or a secret.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _gateway = await GatewayUnderTest.StartAsync(_upstream, logs: _logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Exchanges_AtTraceLevel_LogNoContentOrCredential()
    {
        var secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
        _upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion($"the confidential answer {secret}"));
        var token = _gateway.Token("hal", "dev");

        using (var ok = await _gateway.Client(token).PostAsync("openai/v1/chat/completions", Body($"the confidential question {secret}"), TestContext.Current.CancellationToken))
        {
            Assert.True(ok.IsSuccessStatusCode);
        }

        using (await _gateway.Client(token + "x").PostAsync("openai/v1/chat/completions", Body("bad token"), TestContext.Current.CancellationToken))
        {
        }

        await _gateway.WaitForExchangeAsync("hal");
        var all = string.Join("\n", _logs.Lines);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(token[20..60], all, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayUnderTest.UpstreamSecret, all, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[4..14], all, StringComparison.Ordinal);
        Assert.DoesNotContain("confidential", all, StringComparison.Ordinal);
    }

    private static StringContent Body(string prompt)
        => new($$"""{"model":"gpt-test","messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json");
}
