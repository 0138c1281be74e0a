namespace Gatehouse.Masking.Tests.Engine;

/// <summary>A number match that its validator rejects must not hide a valid number that starts inside it.</summary>
public sealed class RejectedNumberMatchTests
{
    private const string Card = "4111 1111 1111 1111";

    [Theory]
    [InlineData("card 4 " + Card + " expires 12/29")]
    [InlineData("card 41 " + Card)]
    [InlineData("ref 4-1 " + Card + ".")]
    public void Mask_DigitsBeforeACardNumber_StillMaskTheCard(string text)
    {
        // The card pattern takes the stray digits and the card as one number, which fails the Luhn check; the card
        // alone starts inside that match and passes it.
        var result = TestEngines.Default.Mask(text);

        Assert.Contains(result.Findings, f => (f.RuleId, f.Offset, f.Length) == ("payment-card", text.IndexOf(Card, StringComparison.Ordinal), Card.Length));
        Assert.DoesNotContain(Card, result.MaskedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_DigitsBeforeACardNumber_MasksTheCardInEveryChunking()
    {
        var text = "card 4 " + Card + " expires 12/29";
        var whole = TestEngines.Default.Mask(text).MaskedText ?? text;
        Assert.DoesNotContain(Card, whole, StringComparison.Ordinal);

        for (var cut = 1; cut < text.Length; cut++)
        {
            using var stream = TestEngines.Default.CreateStreamingRedactor();
            var streamed = stream.Push(text[..cut]) + stream.Push(text[cut..]) + stream.Flush();

            Assert.Equal(whole, streamed);
        }
    }
}
