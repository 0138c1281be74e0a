using System.Text;
using System.Text.Json;
using CsCheck;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Masking;
using Gatehouse.Gateway.Tests.Masking.Legacy;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols;
using Gatehouse.Testing;

namespace Gatehouse.Gateway.Tests.Masking;

/// <summary>
/// Proves the one-pass request path against the frozen two-parse path it replaced (<see cref="LegacyRequestPath"/>):
/// for random bodies of each API, the same findings, the same bytes forwarded when nothing is masked, the same document
/// (numbers and literals exactly as written) when something is, and a request for policy read from the bytes forwarded.
/// </summary>
public sealed class OnePassRequestProperties
{
    private static readonly ApiKind[] Apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages];
    private static readonly MaskingEngine Engine = new(new MaskingOptions { FingerprintKey = new byte[32] });
    private static readonly ProtocolRegistry Registry = new();
    private static readonly RequestMaskingStage Stage = new(new RequestMasker(Engine), Engine);

    [Fact]
    public void MaskRequest_RandomBodiesOfEachApi_ForwardWhatTheFrozenPathForwardedAndShowPolicyExactlyThat()
    {
        var masked = 0;
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, 1 << 20].Array[50, 400]).ForAll((api, choices) =>
        {
            var adapter = Registry.Get(api)!;
            var body = AgentBodies.For(api, choices);
            var before = LegacyRequestPath.Run(adapter, Engine, body);
            Assert.True(before.Request is not null, adapter.ParseRequest(body).Error);

            var (exchange, refusal) = OnePass(adapter, body);

            Assert.Equal(before.Findings, exchange.RequestFindings.Take(before.Findings.Count));
            var forwarded = exchange.RequestBody.ToArray();
            if (before.Forwarded.AsSpan().SequenceEqual(body))
            {
                Assert.Equal(body, forwarded);
            }
            else
            {
                masked++;
                AssertSameDocument(before.Forwarded, forwarded);
                Assert.Equal(Literals(body), Literals(forwarded));
            }

            // What policy and the audit see is read from exactly the bytes forwarded.
            AssertSameRequest(adapter.ParseRequest(forwarded).Request!, exchange.Request!, rawJsonToo: true);
            AssertSameRequest(before.Request!, exchange.Request!, rawJsonToo: api != ApiKind.AnthropicMessages || forwarded.AsSpan().SequenceEqual(body));
            var split = before.Request!.TextPieces.Count > 1 && SplitSecretScan.Find(Engine, before.Request.TextPieces).Count > 0;
            Assert.Equal(split ? "split_secret" : null, refusal?.Code.ToName());
        }, iter: 2000);

        Assert.True(masked > 100, $"only {masked} of the bodies had anything to mask");
    }

    [Fact]
    public void MaskRequest_NothingToMask_ForwardsTheBytesReadWithoutACopy()
    {
        var body = Encoding.UTF8.GetBytes("""{ "model": "m",  "messages": [ {"role":"user", "content":"caf\u00e9 \/ 1.50"} ], "n": 1.0E+2 }""");

        var (exchange, _) = OnePass(Registry.Get(ApiKind.OpenAIChat)!, body);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(exchange.RequestBody, out var segment));
        Assert.Same(body, segment.Array);
        Assert.Equal("café / 1.50", exchange.Request!.Messages[0].Text);
    }

    [Fact]
    public void MaskRequest_SecretInAnEscapedValueAndName_SplicesOnlyThoseStrings()
    {
        var escaped = string.Concat(AgentBodies.Key.Select(c => $"\\u{(int)c:x4}"));
        var body = Encoding.UTF8.GetBytes($$"""{ "model" : "m", "metadata": { "{{escaped}}": 1.50, "[MASKED:aws-access-key-id]": 2 }, "messages" : [ {"role":"user","content":"k={{escaped}}\n"} ] }""");

        var (exchange, _) = OnePass(Registry.Get(ApiKind.OpenAIChat)!, body);

        Assert.Equal(
            """{ "model" : "m", "metadata": { "[MASKED:aws-access-key-id]#2": 1.50, "[MASKED:aws-access-key-id]": 2 }, "messages" : [ {"role":"user","content":"k=[MASKED:aws-access-key-id]\n"} ] }""",
            Encoding.UTF8.GetString(exchange.RequestBody.Span));
        Assert.Equal("k=[MASKED:aws-access-key-id]\n", exchange.Request!.Messages[0].Text);
        Assert.Equal(2, exchange.RequestFindings.Count);
    }

    // Runs stages 3 and 4 as the exchange handler does: one parse, the adapter's read, then masking of that document.
    private static (Exchange Exchange, Refusal? Refusal) OnePass(IProtocolAdapter adapter, byte[] body)
    {
        var exchange = new Exchange("e", TimeProvider.System, "POST") { Adapter = adapter, RequestBody = body };
        using var json = RequestJson.TryParse(body, out var error);
        Assert.Null(error);
        exchange.Request = adapter.ReadRequest(json!).Request;
        var refusal = Stage.Apply(exchange, MaskingMode.Mask, "application/json", json);
        return (exchange, refusal);
    }

    private static void AssertSameRequest(ParsedRequest expected, ParsedRequest actual, bool rawJsonToo)
    {
        Assert.Equal(expected.Api, actual.Api);
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.Stream, actual.Stream);
        Assert.Equal(expected.ToolNames, actual.ToolNames);
        Assert.Equal(expected.Messages.Select(m => m.Role), actual.Messages.Select(m => m.Role));
        Assert.Equal(expected.TextPieces.Count, actual.TextPieces.Count);
        if (rawJsonToo)
        {
            // Only a tool_use input is kept as raw JSON text, which the frozen path wrote again compactly.
            Assert.Equal(expected.Messages, actual.Messages);
            Assert.Equal(expected.TextPieces, actual.TextPieces);
        }
    }

    private static void AssertSameDocument(byte[] expected, byte[] actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.True(Same(left.RootElement, right.RootElement), "the documents differ");
    }

    private static bool Same(JsonElement left, JsonElement right) => left.ValueKind == right.ValueKind && left.ValueKind switch
    {
        JsonValueKind.Object => left.EnumerateObject().Select(p => p.Name).SequenceEqual(right.EnumerateObject().Select(p => p.Name))
            && left.EnumerateObject().Zip(right.EnumerateObject()).All(p => Same(p.First.Value, p.Second.Value)),
        JsonValueKind.Array => left.GetArrayLength() == right.GetArrayLength()
            && left.EnumerateArray().Zip(right.EnumerateArray()).All(p => Same(p.First, p.Second)),
        JsonValueKind.String => left.GetString() == right.GetString(),
        _ => left.GetRawText() == right.GetRawText(),
    };

    // Every number and literal as written, in order.
    private static List<string> Literals(byte[] json)
    {
        var literals = new List<string>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
            {
                literals.Add(Encoding.UTF8.GetString(reader.ValueSpan));
            }
        }

        return literals;
    }
}
