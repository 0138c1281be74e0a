using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// With <c>masking.unmaskedPlaceholders</c> naming a rule, its published documentation examples pass through the
/// gateway byte for byte, streamed at every split and not, while a real-shaped value of the same rule beside them is
/// still masked (issue 19).
/// </summary>
public sealed class PlaceholderPassThroughTests : GatewayTest
{
    private const string Text = "Example: AKIAIOSFODNN7EXAMPLE\nYours: AKIAZQ7VRK2LM6TX4WP3\n";

    private const string Expected = "Example: AKIAIOSFODNN7EXAMPLE\nYours: [MASKED:aws-access-key-id]\n";

    protected override GatehouseConfig Adjust(GatehouseConfig config) =>
        config with { Masking = config.Masking with { Engine = config.Masking.Engine with { UnmaskedPlaceholderRules = ["aws-access-key-id"] } } };

    [Fact]
    public async Task StreamedAnswer_ExampleKeyBesideARealOne_SplitAtEveryOffset_KeepsOnlyTheExample()
    {
        using var client = Gateway.Client(Gateway.Token("cody"));
        for (var cut = 1; cut < Text.Length; cut++)
        {
            var pieces = new[] { Text[..cut], Text[cut..] };
            Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));

            using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(Expected, Sse.AssembledChatContent(body));
            Assert.DoesNotContain("AKIAZQ7VRK2LM6TX4WP3", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prompt_ExampleKeyBesideARealOne_ForwardsOnlyTheExample_AndRecordsBothFindings()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion(Text));
        using var client = Gateway.Client(Gateway.Token("cora"));
        var request = JsonSerializer.Serialize(new { model = "gpt-test", messages = new[] { new { role = "user", content = Text } } });

        using var response = await client.PostAsync(
            "openai/v1/chat/completions", new StringContent(request, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var forwarded = JsonDocument.Parse(Assert.Single(Upstream.Received).BodyText);
        var record = await Gateway.WaitForExchangeAsync("cora");

        Assert.Equal(Expected, forwarded.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal(Expected, answer.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal([true, null], record.Intent.Findings.Select(f => f.Placeholder));
    }

    private static StringContent Request(bool stream)
        => new($$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
}
