using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Tests.Rewriting;

namespace Gatehouse.Protocols.Tests.Mcp;

/// <summary>Server-initiated sampling: the capability read and removed from a client's request, and a server's request withheld from a stream.</summary>
public sealed class McpSamplingTests
{
    private const string EventStream = "text/event-stream";
    private const string Secret = "ghp_SECRETSECRETSECRET";

    // 2025-11-25 "Lifecycle", "Initialization": the client's capabilities are initialize's params.capabilities.
    private const string Initialize = """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{"listChanged":true},"sampling":{"tools":{}},"elicitation":{}},"clientInfo":{"name":"c","version":"1"}}}""";

    // 2026-07-28 "Overview", per-request protocol fields: io.modelcontextprotocol/clientCapabilities in params._meta.
    private const string Stateless = """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"sampling"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{"sampling":{},"elicitation":{"url":{}}}}}}""";

    [Theory]
    [InlineData(Initialize, true)]
    [InlineData(Stateless, true)]
    [InlineData("""{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"c","version":"1"}}}""", false)]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"capabilities":{"sampling":{}}}}}""", false)]
    public void Reader_SaysWhetherTheRequestDeclaresSampling(string body, bool declared)
    {
        using var document = JsonDocument.Parse(body);

        Assert.Equal(declared, McpRequestReader.Read(document.RootElement).Mcp!.DeclaresSampling);
    }

    [Fact]
    public void Remove_TakesSamplingOutOfInitializeCapabilities_KeepingEveryOtherByte()
    {
        var stripped = Encoding.UTF8.GetString(McpSamplingCapability.Remove(Encoding.UTF8.GetBytes(Initialize)));

        Assert.Equal(Initialize.Replace("\"sampling\":{\"tools\":{}},", "", StringComparison.Ordinal), stripped);
    }

    [Fact]
    public void Remove_TakesSamplingOutOfPerRequestCapabilities_AndTheArgumentsStay()
    {
        var stripped = Encoding.UTF8.GetString(McpSamplingCapability.Remove(Encoding.UTF8.GetBytes(Stateless)));

        using var document = JsonDocument.Parse(stripped);
        var parameters = document.RootElement.GetProperty("params");
        var capabilities = parameters.GetProperty("_meta").GetProperty(McpRetryFields.CapabilitiesKey);
        Assert.False(capabilities.TryGetProperty("sampling", out _));
        Assert.True(capabilities.TryGetProperty("elicitation", out _));
        Assert.Equal("sampling", parameters.GetProperty("arguments").GetProperty("text").GetString());
        Assert.False(McpRequestReader.Read(document.RootElement).Mcp!.DeclaresSampling);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stream_WithheldServerRequest_NeverReachesTheClient_OthersAreMasked(bool opaque)
    {
        var sampling = $$$"""{"jsonrpc":"2.0","id":"s-1","method":"sampling/createMessage","params":{"messages":[{"role":"user","content":{"type":"text","text":"{{{Secret}}}"}}],"maxTokens":5}}""";
        var body = $$$"""
            id: 1
            event: message
            data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1,"message":"{{{Secret}}}"}}

            id: 2
            event: message
            data: {{{sampling}}}

            id: 3
            event: message
            data: {"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"done"}]}}


            """.Replace("\r\n", "\n", StringComparison.Ordinal);
        var seen = new List<string>();
        bool Withhold(JsonElement message)
        {
            seen.Add(message.GetProperty("method").GetString()!);
            return message.GetProperty("method").ValueEquals("sampling/createMessage");
        }

        var registry = new ProtocolRegistry();
        using var pipeline = opaque
            ? registry.CreateOpaquePipeline(EventStream, new SecretRewriter(Secret), null, 4096, Withhold)
            : registry.Get(ApiKind.Mcp)!.CreateResponsePipeline(new ResponsePipelineOptions { ContentType = EventStream, Masking = new SecretRewriter(Secret), WithholdServerRequest = Withhold });
        var client = new ArrayBufferWriter<byte>();
        pipeline.Append(Encoding.UTF8.GetBytes(body));
        pipeline.Release(client);
        pipeline.Complete();
        pipeline.Release(client);
        pipeline.End(client);

        var events = Rewriting.Rewriting.Events(client.WrittenSpan.ToArray()).Select(e => e.Data).ToList();
        Assert.Equal(["sampling/createMessage"], seen);
        Assert.Equal(2, events.Count);
        Assert.DoesNotContain(events, e => e.Contains("sampling/createMessage", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains("\"done\"", events[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_GateWithoutMasking_StillWithholds()
    {
        var body = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sampling/createMessage\",\"params\":{}}\n\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n";
        using var pipeline = new ProtocolRegistry().Get(ApiKind.Mcp)!.CreateResponsePipeline(
            new ResponsePipelineOptions { ContentType = EventStream, WithholdServerRequest = _ => true });
        var client = new ArrayBufferWriter<byte>();
        pipeline.Append(Encoding.UTF8.GetBytes(body));
        pipeline.Release(client);
        pipeline.Complete();
        pipeline.Release(client);
        pipeline.End(client);

        Assert.Equal(["{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"], Rewriting.Rewriting.Events(client.WrittenSpan.ToArray()).Select(e => e.Data));
    }
}
