using Gatehouse.Audit.Payloads;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Identity;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.Exchanges;

/// <summary>
/// The allocation budget of an agent-sized request's audit intent (issue 12): bytes allocated, on this thread, to turn
/// the parsed request into its intent and encode that as an entry draft, averaged over many intents after a warm-up.
/// </summary>
public sealed class IntentAllocationTests
{
    private const int WarmUp = 20;
    private const int Runs = 200;

    [Fact]
    public void AgentSizedIntent_StaysWithinItsAllocationBudget()
    {
        // About the agent's first request: a 40 KB system prompt, then a few turns (ASCII, as the load bench's).
        var messages = new List<PromptMessage> { new("system", new string('s', 40_000)) };
        for (var i = 0; i < 8; i++)
        {
            messages.Add(new PromptMessage(i % 2 == 0 ? "user" : "assistant", new string((char)('a' + i), 1_000)));
        }

        var exchange = new Exchange("ex-1", TimeProvider.System, "POST")
        {
            Caller = new GatehouseIdentity("kai", "kai@example.com", null, ["dev"], "https://issuer", null, null, GatehouseIdentity.OidcMethod),
            Request = new ParsedRequest { Api = ApiKind.OpenAIChat, Model = "m", Messages = messages },
        };
        var audit = new AuditConfig();

        for (var i = 0; i < WarmUp; i++)
        {
            _ = AuditEntryCodec.ForIntent(ExchangeRecords.Intent(exchange, audit), exchange.StartedAt);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            _ = AuditEntryCodec.ForIntent(ExchangeRecords.Intent(exchange, audit), exchange.StartedAt);
        }

        var perIntent = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;

        // The prompt is about 48,000 characters (48 KB of UTF-8). Measured 195,426 bytes per intent while each message
        // was first copied into a piece string (96 KB of UTF-16) and then encoded, 98,945 once each piece is encoded
        // straight from the message's text (its UTF-8 parts, the joined body and the payload); the bound is 1.5x that.
        Assert.InRange(perIntent, 0, 148_000);
    }
}
