using System.Net;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

// Paths the gateway does not understand, bodies it cannot read, the query string and protocol upgrades.
public sealed partial class RequestBypassTests
{
    [Theory]
    [InlineData("raw", "application/json")]
    [InlineData("raw", "text/plain")]
    [InlineData("raw", "")]
    [InlineData("raw", "application/x-made-up")]
    [InlineData("openai", "application/octet-stream")]
    [InlineData("openai", "text/plain")]
    public async Task OpaquePath_JsonBodyWithEscapedSecret_IsMaskedAsJson(string connection, string contentType)
    {
        var body = $$"""{"model":"text-embedding-test","input":["deploy with {{Escaped(AwsKeyId)}} please"],"{{AwsKeyId}}":1}""";

        var (status, clientBody) = await PostAsync($"{connection}/v1/embeddings", Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.OK, status);
        using var forwarded = JsonDocument.Parse(Assert.Single(Upstream.Received).Body);
        Assert.Equal($"deploy with {MaskedAws} please", forwarded.RootElement.GetProperty("input")[0].GetString());
        Assert.Equal(1, forwarded.RootElement.GetProperty(MaskedAws).GetInt32());
        await RecordAsync();
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("raw", "text/plain")]
    [InlineData("raw", "application/octet-stream")]
    [InlineData("raw", "")]
    [InlineData("openai", "application/x-made-up")]
    public async Task OpaquePath_TextBody_IsMaskedAsText(string connection, string contentType)
    {
        var (status, clientBody) = await PostAsync($"{connection}/v1/notes", Encoding.UTF8.GetBytes($"AWS_ACCESS_KEY_ID={AwsKeyId}\nbye"), contentType);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"AWS_ACCESS_KEY_ID={MaskedAws}\nbye", Assert.Single(Upstream.Received).BodyText);
        await RecordAsync();
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("openai")]
    public async Task OpaquePath_FormBodyWithPercentEncodedSecret_IsDecodedMaskedAndReencoded(string connection)
    {
        var encoded = string.Concat(AwsKeyId.Select(c => $"%{(int)c:X2}"));
        var body = $"purpose=batch&note=hello+world&key={encoded}";

        var (status, clientBody) = await PostAsync($"{connection}/v1/forms", Encoding.ASCII.GetBytes(body), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, status);
        var forwarded = Assert.Single(Upstream.Received).BodyText;
        Assert.Equal($"purpose=batch&note=hello+world&key={Uri.EscapeDataString(MaskedAws)}", forwarded);
        await RecordAsync();
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("raw", "application/octet-stream", "binary")]
    [InlineData("openai", "", "binary")]
    [InlineData("raw", "text/plain; charset=utf-16", "utf-16")]
    [InlineData("raw", "application/octet-stream", "utf-16")]
    [InlineData("openai", "application/json; charset=utf-16", "utf-16")]
    public async Task OpaquePath_BodyTheGatewayCannotRead_IsRefusedNotForwarded(string connection, string contentType, string encoding)
    {
        var text = $"AWS_ACCESS_KEY_ID={AwsKeyId}";
        var body = encoding == "binary"
            ? [0xFF, 0xFE, 0x00, .. Encoding.ASCII.GetBytes(text), 0xC0]
            : Encoding.Unicode.GetBytes(text);

        var (status, clientBody) = await PostAsync($"{connection}/v1/uploads", body, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("uninspectable_request_body", clientBody, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        var record = await RecordAsync();
        Assert.Equal(("deny", "uninspectable_request_body"), (record.Intent.Decision, record.Intent.DecisionReason));
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("raw/v1/search", "GET")]
    [InlineData("openai/v1/models", "GET")]
    [InlineData("openai/v1/chat/completions", "POST")]
    public async Task QueryString_WithASecret_IsMaskedInWhatIsForwardedAndAudited(string path, string method)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));
        var encoded = string.Concat(AwsKeyId.Select((c, i) => i % 3 == 0 ? $"%{(int)c:X2}" : c.ToString()));
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?q={AwsKeyId}&limit=5&k={encoded}");
        if (method == "POST")
        {
            request.Content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
        }

        using var client = Gateway.Client(Gateway.Token(User));
        using var response = await client.SendAsync(request, Cancellation);
        var clientBody = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var masked = Uri.EscapeDataString(MaskedAws);
        Assert.EndsWith($"?q={masked}&limit=5&k={masked}", Assert.Single(Upstream.Received).PathAndQuery, StringComparison.Ordinal);
        var record = await RecordAsync();
        Assert.EndsWith($"?q={masked}&limit=5&k={masked}", record.Intent.Path, StringComparison.Ordinal);
        Assert.Equal(2, record.Intent.Findings.Count(f => f.Field == "query"));
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("openai", "/v1/realtime?model=gpt-realtime", "websocket")]
    [InlineData("raw", "/socket", "websocket")]
    [InlineData("raw", "/stream", "tls/1.3")]
    public async Task UpgradeRequest_IsRefusedAndAudited_NeverForwarded(string connection, string path, string protocol)
    {
        var head = $"GET /{connection}{path} HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer {Gateway.Token(User)}\r\n"
            + $"Connection: Upgrade\r\nUpgrade: {protocol}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

        var response = await SendRawAsync(head);

        Assert.StartsWith("HTTP/1.1 501 ", response, StringComparison.Ordinal);
        Assert.Contains("upgrade_not_supported", response, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        var record = await RecordAsync();
        Assert.Equal(("deny", "upgrade_not_supported", 501), (record.Intent.Decision, record.Intent.DecisionReason, record.Outcome!.Status));
    }
}
