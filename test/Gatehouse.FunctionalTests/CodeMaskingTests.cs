using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Code that merely mentions keys, tokens and PEM headers passes through the gateway byte for byte, both ways and
/// whatever the stream's chunking; a real key in the same stream is still masked whole (issue 19).
/// </summary>
public sealed class CodeMaskingTests : GatewayTest
{
    /// <summary>A PEM-handling function of the kind models write: the BEGIN header is a string literal, not a key.</summary>
    private const string PemFunction =
        "function toPkcs8(pkcs8) {\n" +
        "  if (pkcs8.indexOf(\"-----BEGIN PRIVATE KEY-----\") !== 0) throw new Error(\"not a PKCS#8 key\");\n" +
        "  const body = pkcs8.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, \"\").replace(/\\s+/g, \"\");\n" +
        "  const apiKeys = sdk_1.CLIENT_TOOL_KEYS;\n" +
        "  return Buffer.from(body, \"base64\");\n" +
        "}\n";

    private const string KeyLine = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7EXAMPLEEXAMPLE\n";

    /// <summary>The last two shapes the precision corpus flagged: a section reference and a keyword before a named function.</summary>
    private const string ReferenceAndFunction =
        "/**\n" +
        " * requested_token_type: rfc8693#section-2.1\n" +
        " */\n" +
        "Connection.prototype.authMechanismDoesNotRequirePassword = function authMechanismDoesNotRequirePassword() {\n" +
        "  return this.options.authMechanism === 'MONGODB-X509';\n" +
        "};\n";

    [Fact]
    public async Task StreamedAnswer_SectionReferenceAndFunction_SplitAtEveryOffset_ReachesTheClientByteForByte()
    {
        using var client = Gateway.Client(Gateway.Token("cody"));
        for (var cut = 1; cut < ReferenceAndFunction.Length; cut++)
        {
            var pieces = new[] { ReferenceAndFunction[..cut], ReferenceAndFunction[cut..] };
            Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));

            using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(ReferenceAndFunction, Sse.AssembledChatContent(body));
        }
    }

    [Fact]
    public async Task Answer_SectionReferenceAndFunction_ReachesTheClientByteForByte()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion(ReferenceAndFunction));
        using var client = Gateway.Client(Gateway.Token("cody"));

        using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: false), TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ReferenceAndFunction, answer.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task PublishedExampleKey_ByDefault_IsMaskedBothWays_AndRecordedAsAPlaceholder()
    {
        const string Example = "Use AKIAIOSFODNN7EXAMPLE as in the AWS documentation.\n";
        const string Masked = "Use [MASKED:aws-access-key-id] as in the AWS documentation.\n";
        using var client = Gateway.Client(Gateway.Token("cora"));

        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion(Example));
        var request = JsonSerializer.Serialize(new { model = "gpt-test", messages = new[] { new { role = "user", content = Example } } });
        using var plain = await client.PostAsync(
            "openai/v1/chat/completions", new StringContent(request, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var forwarded = JsonDocument.Parse(Assert.Single(Upstream.Received).BodyText);
        var record = await Gateway.WaitForExchangeAsync("cora");

        Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents([Example[..10], Example[10..]]));
        using var streamed = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
        var streamedBody = await streamed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Masked, forwarded.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal(Masked, answer.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(Masked, Sse.AssembledChatContent(streamedBody));
        var finding = Assert.Single(record.Intent.Findings);
        Assert.Equal(("aws-access-key-id", true), (finding.Rule, finding.Placeholder));
    }

    [Fact]
    public async Task StreamedAnswer_PemHandlingFunction_SplitAtEveryOffset_ReachesTheClientByteForByte()
    {
        var token = Gateway.Token("cody");
        using var client = Gateway.Client(token);
        for (var cut = 1; cut < PemFunction.Length; cut++)
        {
            var pieces = new[] { PemFunction[..cut], PemFunction[cut..] };
            Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));

            using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(PemFunction, Sse.AssembledChatContent(body));
        }
    }

    [Fact]
    public async Task StreamedAnswer_RealKeyBeforeThePemFunction_SplitAtEveryOffset_KeyMaskedWholeAndCodeAfterUnchanged()
    {
        var key = "-----BEGIN RSA PRIVATE KEY-----\n" + KeyLine + KeyLine + "-----END RSA PRIVATE KEY-----";
        var text = "Key:\n" + key + "\n" + PemFunction;
        var token = Gateway.Token("cody");
        using var client = Gateway.Client(token);
        for (var cut = 1; cut < text.Length; cut++)
        {
            var pieces = new[] { text[..cut], text[cut..] };
            Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(pieces));

            using var response = await client.PostAsync("openai/v1/chat/completions", Request(stream: true), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal("Key:\n[MASKED:rsa-private-key]\n" + PemFunction, Sse.AssembledChatContent(body));
            Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0B", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prompt_WithThePemFunction_IsForwardedUnchangedAndRecordsNoFinding()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("looks fine"));

        using var client = Gateway.Client(Gateway.Token("cora"));
        var request = JsonSerializer.Serialize(new { model = "gpt-test", messages = new[] { new { role = "user", content = PemFunction } } });
        using var response = await client.PostAsync(
            "openai/v1/chat/completions", new StringContent(request, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");

        using var forwarded = JsonDocument.Parse(Assert.Single(Upstream.Received).BodyText);
        Assert.Equal(PemFunction, forwarded.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        var record = await Gateway.WaitForExchangeAsync("cora");
        Assert.Empty(record.Intent.Findings);
    }

    [Fact]
    public async Task Scan_PemFunctionAndAKey_ReportsOnlyTheKey()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-scan-code-").FullName;
        try
        {
            var code = Path.Combine(directory, "pem.js");
            await File.WriteAllTextAsync(code, PemFunction, TestContext.Current.CancellationToken);
            var clean = await GatehouseCommand.RunAsync("scan", "--redact", code);
            await File.WriteAllTextAsync(code, PemFunction + "const KEY = `-----BEGIN RSA PRIVATE KEY-----\n" + KeyLine + "-----END RSA PRIVATE KEY-----`;\n",
                TestContext.Current.CancellationToken);
            var withKey = await GatehouseCommand.RunAsync("scan", code);

            Assert.Equal((0, PemFunction), (clean.ExitCode, clean.Output));
            Assert.Equal(1, withKey.ExitCode);
            Assert.Contains("pem.js:7:14: rsa-private-key (secret", withKey.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("generic-secret", withKey.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static StringContent Request(bool stream)
        => new($$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
}
