using CsCheck;
using Gatehouse.Protocols.Streaming;
using Gatehouse.Testing;

namespace Gatehouse.Protocols.Tests.Streaming;

/// <summary>The summary's capped text: any sequence of pieces reads as their concatenation up to the cap.</summary>
public sealed class BoundedTextTests
{
    [Fact]
    public void OnePiece_IsKeptAsItsOwnString()
    {
        var answer = new string('a', 1_000);
        var text = new BoundedText(4_096);

        text.Append(answer);

        Assert.Same(answer, text.ToString());
        Assert.False(text.Truncated);
    }

    [Fact]
    public void AnyPieces_ReadAsTheirConcatenationCutAtTheCap_NeverInsideASurrogatePair()
    {
        var pieces = Gen.OneOf(Gen.Const(""), Gen.Const("😀"), Gen.String[0, 12]).Array[0, 12];
        Gen.Select(pieces, Gen.Int[0, 40], Gen.Bool).ForAll(input =>
        {
            var (given, cap, replaceFirst) = input;
            var text = new BoundedText(cap);
            var expected = "";
            var truncated = false;
            foreach (var piece in given)
            {
                if (replaceFirst && ReferenceEquals(piece, given[0]))
                {
                    text.Replace(piece, cap);
                    expected = "";
                    truncated = false;
                }
                else
                {
                    text.Append(piece);
                }

                var room = cap - expected.Length;
                if (piece.Length <= room)
                {
                    expected += piece;
                }
                else
                {
                    truncated = true;
                    var keep = room > 0 && char.IsHighSurrogate(piece[room - 1]) ? room - 1 : Math.Max(room, 0);
                    expected += piece[..keep];
                }
            }

            Assert.Equal(expected, text.ToString());
            Assert.Equal(expected.Length, text.Length);
            Assert.Equal(truncated, text.Truncated);
        }, iter: 400);
    }
}
