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

    [Fact]
    public void Of_Messages_JoinToThePromptAsRecordedBefore()
    {
        var pieces = PromptPieces.Of(Conversation, int.MaxValue);

        Assert.Equal(
            "[system]\nYou are a careful reviewer.\n\n[user]\nrotate the key\n\n[assistant]\nDone.\n\n[user]\nnow the webhook secret",
            string.Concat(pieces));
        Assert.Equal(4, pieces.Count);
    }

    [Fact]
    public void Of_LaterTurn_RepeatsEveryEarlierPieceByteForByte()
    {
        var earlier = PromptPieces.Of(Conversation[..2], int.MaxValue);
        var later = PromptPieces.Of(Conversation, int.MaxValue);

        Assert.Equal(earlier, later.Take(2));
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
        var whole = string.Concat(PromptPieces.Of(Conversation, int.MaxValue));
        var expected = whole.Length <= max ? whole : string.Concat(whole.AsSpan(0, max), "\n[truncated]");

        Assert.Equal(expected, string.Concat(PromptPieces.Of(Conversation, max)));
    }
}
