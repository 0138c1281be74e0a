using System.IO.Compression;
using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Attacks on identity, routing and "inspected bytes = forwarded bytes", end to end: what the upstream received is
/// the proof, so every test looks at the fake upstream's capture.
/// </summary>
public sealed class SecuritySuiteTests : GatewayTest
{
    private static readonly string Secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;

    [Fact]
    public async Task TwoAuthorizationHeaderLines_EvenWithValidTokens_AreRefusedAndNothingIsForwarded()
    {
        var status = await RawRequest.SendAsync(Gateway.BaseUri, "POST", "/openai/v1/chat/completions",
            [$"Authorization: Bearer {Gateway.Token("ann")}", $"Authorization: Bearer {Gateway.Token("root", "admins")}"], ChatBody("hi"));

        Assert.Equal(401, status);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task AuthorizationInUpperCase_IsTheSameHeader_AndIsNotForwarded()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));

        var status = await RawRequest.SendAsync(Gateway.BaseUri, "POST", "/openai/v1/chat/completions",
            [$"AUTHORIZATION: Bearer {Gateway.Token("bob")}"], ChatBody("hi"));

        Assert.Equal(200, status);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, received.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("x_api_key")]
    [InlineData("X_Api_Key")]
    [InlineData("authorization_")]
    public async Task CredentialInAnUnderscoreVariantHeader_DoesNotAuthenticate(string header)
    {
        var status = await RawRequest.SendAsync(Gateway.BaseUri, "POST", "/openai/v1/chat/completions",
            [$"{header}: Bearer {Gateway.Token("cat")}"], ChatBody("hi"));

        Assert.Equal(401, status);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData("/openai/v1\\..\\..\\raw/anything")]
    [InlineData("/openai/v1/%5c..%5c..%5craw/anything")]
    [InlineData("/openai/..%2fraw/anything")]
    [InlineData("/openai/v1/%25%32%65%25%32%65/raw")]
    [InlineData("/openai//v1/chat/completions")]
    [InlineData("/openai/v1/chat/completions/..;/..;/raw")]
    public async Task PathTricks_NeverReachAnotherConnection(string target)
    {
        var status = await RawRequest.SendAsync(Gateway.BaseUri, "POST", target, [$"Authorization: Bearer {Gateway.Token("fay")}"], ChatBody($"use {Secret}"));

        Assert.Equal(400, status);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData("/openai/%2e%2e/raw/anything")]
    [InlineData("/openai/./../raw/anything")]
    public async Task DotSegmentsTheServerResolves_AreDecidedAndForwardedAsTheConnectionTheyResolveTo(string target)
    {
        // Kestrel decodes %2e and resolves dot segments before routing, so this is a request to 'raw': it must be
        // authorised, audited and credentialed as 'raw', never as 'openai'.
        Upstream.Handler = (context, _) => context.Response.WriteAsJsonAsync(new { ok = true });

        var status = await RawRequest.SendAsync(Gateway.BaseUri, "POST", target, [$"Authorization: Bearer {Gateway.Token("fred")}"], ChatBody($"use {Secret}"));

        Assert.Equal(200, status);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/anything", received.PathAndQuery);
        Assert.Equal(GatewayUnderTest.UpstreamSecret, received.Headers["x-upstream-key"]);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(Secret[4..14], received.BodyText, StringComparison.Ordinal);
        Assert.Equal("raw", (await Gateway.WaitForExchangeAsync("fred")).Intent.Connection);
    }

    [Theory]
    [InlineData("openai/v1/chat/completions/")]
    [InlineData("openai/V1/Chat/Completions")]
    [InlineData("openai/v1/chat/completions;x=1")]
    [InlineData("openai/v1/chat/completions?stream=false")]
    [InlineData("openai/v1/completions")]
    [InlineData("openai/v1/embeddings")]
    public async Task PathVariantsOfAModelApi_AreMaskedWhateverTheAdapterMakesOfThem(string path)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));

        using var response = await Gateway.Client(Gateway.Token("gus")).PostAsync(path, Json(ChatBody($"use {Secret}")), TestContext.Current.CancellationToken);

        foreach (var received in Upstream.Received)
        {
            Assert.DoesNotContain(Secret[4..14], received.BodyText, StringComparison.Ordinal);
            Assert.Contains("[MASKED:github-pat]", received.BodyText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HugeHeaders_Get431_AndNothingIsForwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = Json(ChatBody("hi")) };
        request.Headers.Add("x-padding", new string('a', 64 * 1024));

        using var response = await Gateway.Client(Gateway.Token("hal")).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}],"messages":[{"role":"user","content":"SECRET"}]}""")]
    [InlineData("""{"model":"gpt-allowed","model":"gpt-other","messages":[{"role":"user","content":"SECRET"}]}""")]
    [InlineData("""{"model":"gpt-test","messages":[{"role":"user","content":"hi","content":"SECRET"}]}""")]
    [InlineData("""{"model":"gpt-test","messages":[{"role":"user","content":"hi","\u0063ontent":"SECRET"}]}""")]
    public async Task DuplicateJsonKeys_AreRefused_SoTheUpstreamNeverActsOnUninspectedValues(string body)
    {
        using var response = await Gateway.Client(Gateway.Token("ivy")).PostAsync(
            "openai/v1/chat/completions", Json(body.Replace("SECRET", Secret, StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Secret[4..14], await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData("openai/v1/chat/completions", "deflate")]
    [InlineData("openai/v1/chat/completions", "br")]
    [InlineData("openai/v1/chat/completions", "GZIP")]
    [InlineData("openai/v1/chat/completions", "identity, gzip")]
    [InlineData("raw/upload", "gzip")]
    [InlineData("openai/v1/embeddings", "br")]
    public async Task CompressedRequestBodies_OnMaskedConnections_Get415_AndAreNeverForwarded(string path, string encoding)
    {
        using var content = new ByteArrayContent(Compress(ChatBody($"use {Secret}"), encoding));
        content.Headers.ContentType = new("text/plain");
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);

        using var response = await Gateway.Client(Gateway.Token("jay")).PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task SecretWithUnicodeEscapedLetters_IsDecodedAndMasked(int escapedLetters)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var escaped = string.Concat(Secret[..escapedLetters].Select(c => $"\\u{(int)c:x4}")) + Secret[escapedLetters..];

        using var response = await Gateway.Client(Gateway.Token("kay")).PostAsync("openai/v1/chat/completions", Json(ChatBody($"key {escaped}")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(Upstream.Received).BodyText;
        Assert.Contains("[MASKED:github-pat]", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[6..16], forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16Body_IsRefused_RatherThanInspectedAsSomethingElse()
    {
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes(ChatBody($"use {Secret}")));
        content.Headers.ContentType = new("application/json") { CharSet = "utf-16" };

        using var response = await Gateway.Client(Gateway.Token("lee")).PostAsync("openai/v1/chat/completions", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    private static string ChatBody(string prompt) => $$"""{"model":"gpt-test","messages":[{"role":"user","content":"{{prompt}}"}]}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static byte[] Compress(string text, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding.Contains("br", StringComparison.Ordinal)
            ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)
            : encoding.Contains("deflate", StringComparison.Ordinal)
                ? new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)
                : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
