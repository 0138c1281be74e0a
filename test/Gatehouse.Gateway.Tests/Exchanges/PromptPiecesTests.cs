using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.Exchanges;

public sealed class PromptPiecesTests
{
    private static readonly PromptMessage[] Conversation =
    [
        new("system", "You are a careful reviewer."),
        new("user", "rotate the key"),
        new("assistant", "Done."),
        new("user", "now the webhook secret"),
    ];

    // A surrogate pair (U+1F511) at characters 11 and 12, and one in the second message's text and role.
    private static readonly PromptMessage[] Astral =
    [
        new("system", "\U0001F511 key\u00e9"),
        new("us\U0001F464r", "x\U0001F511"),
    ];

    [Fact]
    public void Of_Messages_JoinToThePromptAsRecordedBefore()
    {
        var pieces = PromptPieces.Of(Conversation, int.MaxValue);

        Assert.Equal(
            "[system]\nYou are a careful reviewer.\n\n[user]\nrotate the key\n\n[assistant]\nDone.\n\n[user]\nnow the webhook secret",
            Text(pieces));
        Assert.Equal(4, pieces.Count);
    }

    [Fact]
    public void Of_LaterTurn_RepeatsEveryEarlierPieceByteForByte()
    {
        var earlier = PromptPieces.Of(Conversation[..2], int.MaxValue);
        var later = PromptPieces.Of(Conversation, int.MaxValue);

        Assert.Equal(earlier.Select(p => p.Content), later.Take(2).Select(p => p.Content));
        Assert.Equal(earlier.Select(p => p.Hash), later.Take(2).Select(p => p.Hash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(38)]
    [InlineData(60)]
    [InlineData(1000)]
    public void Of_Capped_JoinsToTheCappedPrompt(int max)
    {
        var whole = Text(PromptPieces.Of(Conversation, int.MaxValue));
        var expected = whole.Length <= max ? whole : string.Concat(whole.AsSpan(0, max), "\n[truncated]");

        Assert.Equal(expected, Text(PromptPieces.Of(Conversation, max)));
    }

    [Fact]
    public void Of_AnyCapThroughSurrogatePairs_EncodesEachPieceAsItsJoinedString()
    {
        // The pieces were strings ("[" + role + "]\n" + text, cut at the cap) encoded afterwards; encoded segment by
        // segment, each piece must be byte for byte that string's UTF-8 (a pair cut by the cap becomes U+FFFD alike),
        // and its hash that of those bytes.
        var joined = "[system]\n\U0001F511 key\u00e9\n\n[us\U0001F464r]\nx\U0001F511";
        for (var max = 0; max <= joined.Length + 1; max++)
        {
            var pieces = PromptPieces.Of(Astral, max);
            var expected = joined.Length <= max ? joined : string.Concat(joined.AsSpan(0, max), PromptPieces.Truncated);

            Assert.Equal(Encoding.UTF8.GetBytes(expected), pieces.SelectMany(p => p.Content!).ToArray());
            Assert.All(pieces, p => Assert.Equal(System.Security.Cryptography.SHA256.HashData(p.Content!), p.Hash));
        }
    }

    private static string Text(IReadOnlyList<BodyPart> pieces) => string.Concat(pieces.Select(p => Encoding.UTF8.GetString(p.Content!)));
}
