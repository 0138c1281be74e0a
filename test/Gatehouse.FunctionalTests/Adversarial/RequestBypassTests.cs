using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// A caller with only a developer token tries to get a secret past request masking: by what the headers say the body
/// is, by JSON escapes, in property names, in the query, on paths the gateway does not understand, in bodies it cannot
/// read, and through a WebSocket upgrade. Each case asserts the secret reaches neither the upstream, nor the client,
/// nor a log line, nor the database files.
/// </summary>
public sealed class RequestBypassTests : GatewayTest
{
    private const string User = "mallory";
    private const string MaskedAws = "[MASKED:aws-access-key-id]";
    private const string OtherAwsKeyId = "AKIAQWERTYZXCVBNMLKJ";
    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;
    private static readonly string GitHubToken = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private readonly CapturedLogs _logs = new();

    protected override CapturedLogs? Logs => _logs;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/x-made-up")]
    [InlineData("application/json; charset=utf-16")]
    public async Task ChatRequest_AnyContentType_IsMaskedAsJsonAndForwardedAsJson(string contentType)
    {
        var body = $$"""{"model":"gpt-test","messages":[{"role":"user","content":"deploy with {{AwsKeyId}} please"}]}""";

        var (status, clientBody) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.OK, status);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal($"deploy with {MaskedAws} please", Content(received));
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        var record = await RecordAsync();
        Assert.Equal("aws-access-key-id", Assert.Single(record.Intent.Findings).Rule);
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    [InlineData("application/x-made-up")]
    public async Task ChatRequest_SecretWrittenInJsonEscapes_IsDecodedBeforeMasking(string contentType)
    {
        var body = $$"""{"model":"gpt-test","messages":[{"role":"user","content":"deploy with {{Escaped(AwsKeyId)}} please"}]}""";

        var (status, clientBody) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"deploy with {MaskedAws} please", Content(Assert.Single(Upstream.Received)));
        await RecordAsync();
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

    [Fact]
    public async Task ChatRequest_SecretsAsPropertyNames_AreMaskedWithoutDuplicateNames()
    {
        var body = $$"""
            {"model":"gpt-test","messages":[{"role":"user","content":"hi"}],
             "metadata":{"{{AwsKeyId}}":"a","{{Escaped(OtherAwsKeyId)}}":"b","{{MaskedAws}}":"c"} }
            """;

        var (status, clientBody) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        using var forwarded = JsonDocument.Parse(Assert.Single(Upstream.Received).Body);
        var metadata = forwarded.RootElement.GetProperty("metadata").EnumerateObject().ToList();
        Assert.Equal(["a", "b", "c"], metadata.Select(p => p.Value.GetString()));
        Assert.Equal(3, metadata.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(metadata, p => Assert.StartsWith(MaskedAws, p.Name, StringComparison.Ordinal));
        Assert.Equal(2, (await RecordAsync()).Intent.Findings.Count);
        await AssertNowhereAsync(AwsKeyId, clientBody);
        await AssertNowhereAsync(OtherAwsKeyId, clientBody);
    }

    [Fact]
    public async Task ChatRequest_WholeSecretsInSeparateMessagesAndParts_AreEachMasked()
    {
        var body = $$"""
            {"model":"gpt-test","messages":[
              {"role":"system","content":"aws {{AwsKeyId}}"},
              {"role":"user","content":[{"type":"text","text":"first part"},{"type":"text","text":"token {{GitHubToken}}"}]}]}
            """;

        var (status, clientBody) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["aws-access-key-id", "github-pat"], (await RecordAsync()).Intent.Findings.Select(f => f.Rule).Order());
        await AssertNowhereAsync(AwsKeyId, clientBody);
        await AssertNowhereAsync(GitHubToken, clientBody);
    }

    public static TheoryData<string, string> SplitSecrets => new()
    {
        {
            "openai/v1/chat/completions",
            """{"model":"gpt-test","messages":[{"role":"user","content":"my key is LEFT"},{"role":"user","content":"RIGHT thanks"}]}"""
        },
        {
            "openai/v1/chat/completions",
            """{"model":"gpt-test","messages":[{"role":"user","content":[{"type":"text","text":"my key is LEFT"},{"type":"text","text":"RIGHT thanks"}]}]}"""
        },
        {
            "anthropic/v1/messages",
            """{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"my key is LEFT"},{"type":"text","text":"RIGHT thanks"}]}]}"""
        },
        {
            "openai/v1/chat/completions",
            """
            {"model":"gpt-test","messages":[
              {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"read_env","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"c1","content":"AWS_ACCESS_KEY_ID=LEFT"},
              {"role":"user","content":"RIGHT is what it printed"}]}
            """
        },
        {
            "anthropic/v1/messages",
            """
            {"model":"claude","max_tokens":10,"messages":[
              {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"read_env","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"key LEFT"},{"type":"text","text":"RIGHT is it"}]}]}
            """
        },
        {
            "openai/v1/responses",
            """{"model":"gpt-test","instructions":"key LEFT","input":[{"role":"user","content":[{"type":"input_text","text":"RIGHT ok"}]}]}"""
        },
    };

    [Theory]
    [MemberData(nameof(SplitSecrets))]
    public async Task Request_SecretSplitAcrossMessagesOrParts_IsRefusedAndNeitherHalfIsStored(string path, string template)
    {
        // Split inside the part LeakCheck looks for (AwsKeyId[4..14]), so finding it anywhere means the halves were joined.
        var (left, right) = (AwsKeyId[..9], AwsKeyId[9..]);
        var body = template.Replace("LEFT", left, StringComparison.Ordinal).Replace("RIGHT", right, StringComparison.Ordinal);

        var (status, clientBody) = await PostAsync(path, Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("split_secret", clientBody, StringComparison.Ordinal);
        Assert.Contains("aws-access-key-id", clientBody, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        var record = await RecordAsync();
        Assert.Equal(("deny", "split_secret"), (record.Intent.Decision, record.Intent.DecisionReason));
        Assert.Contains(record.Intent.Findings, f => f.Rule == "aws-access-key-id" && f.Field == "prompt");
        await AssertNowhereAsync(AwsKeyId, clientBody);
        foreach (var half in new[] { left, right })
        {
            Assert.DoesNotContain(half, clientBody, StringComparison.Ordinal);
            Assert.DoesNotContain(half, string.Join("\n", _logs.Lines), StringComparison.Ordinal);
            await AssertNotInDatabaseAsync(half);
        }
    }

    [Fact]
    public async Task ChatRequest_MessagesEndingAndStartingWithOrdinaryWords_AreForwarded()
    {
        var body = """
            {"model":"gpt-test","messages":[
              {"role":"user","content":[{"type":"text","text":"please review AKIA"},{"type":"text","text":"policy docs EXAMPLE"}]},
              {"role":"user","content":"notes for the deployment"}]}
            """;

        var (status, _) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(Upstream.Received);
        var record = await RecordAsync();
        Assert.Equal("allow", record.Intent.Decision);
        Assert.Empty(record.Intent.Findings);
    }

    [Fact]
    public async Task ChatRequest_MalformedBodyWithASecret_IsRefusedAndTheSecretIsNotStored()
    {
        var body = $$"""{"model":"gpt-test","messages":[{"role":"user","content":"deploy with {{AwsKeyId}}"}""";

        var (status, clientBody) = await PostAsync("openai/v1/chat/completions", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("invalid_request_body", clientBody, StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        Assert.Equal("invalid_request_body", (await RecordAsync()).Intent.DecisionReason);
        await AssertNowhereAsync(AwsKeyId, clientBody);
    }

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

    private static string Escaped(string secret)
        => string.Concat(secret.Select((c, i) => i % 4 == 1 ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string? Content(ReceivedRequest received)
    {
        using var json = JsonDocument.Parse(received.Body);
        return json.RootElement.GetProperty("messages")[0].GetProperty("content").GetString();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, byte[] body, string contentType)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("noted"));
        using var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var client = Gateway.Client(Gateway.Token(User));
        using var response = await client.PostAsync(path, content, Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private async Task<string> SendRawAsync(string head)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Gateway.BaseUri.Host, Gateway.BaseUri.Port, Cancellation);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Cancellation);
        var response = new StringBuilder();
        var buffer = new byte[4096];
        while (!Complete(response.ToString()))
        {
            var read = await stream.ReadAsync(buffer, Cancellation);
            if (read == 0)
            {
                break;
            }

            response.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return response.ToString();

        // A refusal is a problem document (with a length, or chunked); an upgrade that went through never ends on its own.
        static bool Complete(string text)
        {
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var headers = text[..end].Split("\r\n");
            var length = headers.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            if (length is not null)
            {
                return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length["Content-Length:".Length..].Trim(), provider: null);
            }

            return text.StartsWith("HTTP/1.1 101", StringComparison.Ordinal) || text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        }
    }

    private async Task<ExchangeRecord> RecordAsync()
    {
        await using var store = Gateway.OpenStore();
        return await Eventually.ValueAsync(async () =>
        {
            var page = await store.SearchAsync(new ExchangeQuery { User = User }, Cancellation);
            return page.Items is [{ Outcome: not null } record] ? record : null;
        }, $"the outcome of {User}'s exchange");
    }

    /// <summary>
    /// The secret is in nothing the upstream received (raw, JSON-decoded or percent-decoded), nor in the client's body,
    /// any log line or the database files.
    /// </summary>
    private async Task AssertNowhereAsync(string secret, string clientBody)
    {
        var middle = secret[4..14];
        foreach (var received in Upstream.Received)
        {
            foreach (var view in Views(received.PathAndQuery).Concat(Views(received.BodyText)))
            {
                Assert.DoesNotContain(middle, view, StringComparison.Ordinal);
            }
        }

        await LeakCheck.AssertAbsentAsync(secret, clientBody, _logs, Gateway.DatabasePath);
    }

    private async Task AssertNotInDatabaseAsync(string text)
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Gateway.DatabasePath)!, Path.GetFileName(Gateway.DatabasePath) + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, Cancellation);
            Assert.DoesNotContain(text, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Views(string text)
    {
        yield return text;
        yield return Uri.UnescapeDataString(text.Replace('+', ' '));
        JsonDocument? json = null;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
        }

        if (json is not null)
        {
            using (json)
            {
                yield return string.Join("\n", Strings(json.RootElement));
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
