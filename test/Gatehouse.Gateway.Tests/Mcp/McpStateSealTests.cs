using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Mcp.Approvals;

namespace Gatehouse.Gateway.Tests.Mcp;

public sealed class McpStateSealTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly McpStateSeal Seal = new("a fingerprint key of thirty-two b"u8);
    private static readonly McpRequestState State = new("github", "https://idp#ivy", "tools/call", "vault.read", new string('d', 64), "apr_1", Now.AddMinutes(5));

    [Fact]
    public void Sealed_OpensToTheSameState_UntilItExpires()
    {
        var text = Seal.Seal(State);

        Assert.StartsWith(McpStateSeal.Prefix, text, StringComparison.Ordinal);
        Assert.Equal((State, (ExchangeFailureCode?)null), Seal.Open(text, Now));
        Assert.Equal((null, ExchangeFailureCode.RequestStateExpired), Seal.Open(text, State.ExpiresAt));
    }

    [Fact]
    public void EveryChangedCharacter_IsRefused()
    {
        var text = Seal.Seal(State);
        for (var i = McpStateSeal.Prefix.Length; i < text.Length; i++)
        {
            var changed = new StringBuilder(text) { [i] = text[i] == 'A' ? 'B' : 'A' }.ToString();
            Assert.Equal((null, ExchangeFailureCode.RequestStateInvalid), Seal.Open(changed, Now));
        }
    }

    [Theory]
    [InlineData("gh1.")]
    [InlineData("gh1.e30")]
    [InlineData("gh1.e30.")]
    [InlineData("gh1.e30.AAAA")]
    [InlineData("gh1..e30")]
    public void Malformed_IsRefused(string text) => Assert.Equal((null, ExchangeFailureCode.RequestStateInvalid), Seal.Open(text, Now));

    [Fact]
    public void AStateSealedUnderAnotherKey_IsRefused()
    {
        var other = new McpStateSeal("another deployment's fingerprint"u8);

        Assert.Equal((null, ExchangeFailureCode.RequestStateInvalid), Seal.Open(other.Seal(State), Now));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("server-state-xyz", false)]
    [InlineData("gh1.abc.def", true)]
    public void IsOurs_OnlyForTheGatewaysPrefix(string? text, bool expected) => Assert.Equal(expected, McpStateSeal.IsOurs(text));

    [Fact]
    public void ReviewLink_IsTheConsoleEntryWhenTheConsoleIsOn_ElseTheApprovalsApi()
    {
        var server = new ServerConfig { PublicUrl = "https://gate.example.com" };
        var off = new GatehouseConfig { Server = server };
        var on = off with { Console = new ConsoleConfig { Oidc = new ConsoleOidcConfig { Issuer = "https://idp.example.com", ClientId = "console" } } };

        Assert.Equal("https://gate.example.com/api/approvals/apr_1", McpReviewLink.For(off, "apr_1").AbsoluteUri);
        Assert.Equal("https://gate.example.com/console/reviews#item-apr_1", McpReviewLink.For(on, "apr_1").AbsoluteUri);
    }
}
