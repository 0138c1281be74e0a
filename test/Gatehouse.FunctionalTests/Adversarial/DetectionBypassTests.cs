using System.ClientModel;
using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Validation;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// Detection bypasses through the real gateway: a GitHub token of the exact shape whose checksum does not verify (cut,
/// mistyped, a test token, another system's checksum) is masked like a valid one, both ways, and the audit says which.
/// </summary>
public sealed class DetectionBypassTests : IAsyncLifetime
{
    private const string Entropy = "Zq8vRk2Lm9Tx4Wp7EXAMPLEexampl";

    private readonly CapturedLogs _logs = new();
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;

    /// <summary>A <c>ghp_</c> token of the right length and alphabet whose last six characters are not its CRC-32.</summary>
    private static string BadChecksumToken { get; } = WithBadChecksum(GitHubChecksum.Build("ghp_", Entropy + "1"));

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
    public async Task Prompt_GitHubTokenWithFailingChecksum_NeverReachesUpstreamOrStore()
    {
        _upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));

        var completion = await Chat("kim").CompleteChatAsync(
            [new UserChatMessage($"why does git push fail with GITHUB_TOKEN={BadChecksumToken} here?")],
            cancellationToken: TestContext.Current.CancellationToken);

        var forwarded = Assert.Single(_upstream.Received).BodyText;
        Assert.Contains("GITHUB_TOKEN=[MASKED:github-pat] here?", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(BadChecksumToken[4..14], forwarded, StringComparison.Ordinal);
        var record = await CompletedExchangeAsync("kim");
        Assert.Equal(("github-pat", "request", "prompt", "invalid"), Describe(Assert.Single(record.Intent.Findings)));
        await LeakCheck.AssertAbsentAsync(BadChecksumToken, completion.Value.Content[0].Text, _logs, _gateway.DatabasePath);
    }

    [Fact]
    public async Task StreamedResponse_GitHubTokenWithFailingChecksumSplitAcrossEvents_NeverReachesClientOrStore()
    {
        var text = $"Set GITHUB_TOKEN={BadChecksumToken} and retry.";
        var start = text.IndexOf(BadChecksumToken, StringComparison.Ordinal);
        _upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(Split(text, start + 2, start + 11, start + 23, start + 37)));

        using var client = _gateway.Client(_gateway.Token("lou"));
        using var response = await client.PostAsync("openai/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"how do I push?"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Set GITHUB_TOKEN=[MASKED:github-pat] and retry.", Sse.AssembledChatContent(body));
        var record = await CompletedExchangeAsync("lou");
        Assert.Equal("Set GITHUB_TOKEN=[MASKED:github-pat] and retry.", record.Outcome!.Response);
        Assert.Equal(("github-pat", "response", "content", "invalid"), Describe(Assert.Single(record.Outcome.Findings)));
        await LeakCheck.AssertAbsentAsync(BadChecksumToken, body, _logs, _gateway.DatabasePath);
    }

    private static (string, string, string, string?) Describe(AuditFinding finding) =>
        (finding.Rule, finding.Direction, finding.Field, finding.Checksum);

    private static string WithBadChecksum(string valid) => valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A');

    private ChatClient Chat(string user)
        => new("gpt-test", new ApiKeyCredential(_gateway.Token(user)), new OpenAIClientOptions
        {
            Endpoint = new Uri(_gateway.BaseUri, "openai/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });

    /// <summary>The user's one exchange once its outcome is recorded (written after the last byte reached the client).</summary>
    private async Task<ExchangeRecord> CompletedExchangeAsync(string user)
    {
        await using var store = _gateway.OpenStore();
        return await Eventually.ValueAsync(async () =>
        {
            var page = await store.SearchAsync(new ExchangeQuery { User = user }, TestContext.Current.CancellationToken);
            Assert.True(page.Items.Count <= 1, $"{user} has {page.Items.Count} exchanges; expected one");
            return page.Items is [{ Outcome: not null } record] ? record : null;
        }, $"the outcome of {user}'s exchange");
    }

    private static List<string> Split(string text, params int[] cuts)
    {
        var points = cuts.Prepend(0).Append(text.Length).ToList();
        return [.. points.Zip(points.Skip(1), (from, to) => text[from..to])];
    }
}
