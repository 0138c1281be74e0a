using System.Net;
using System.Text;
using System.Text.Json;

namespace Gatehouse.FunctionalTests.Adversarial;

// Chat bodies: what the headers say the body is, JSON escapes, property names, secrets whole or split across messages.
public sealed partial class RequestBypassTests
{
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
}
