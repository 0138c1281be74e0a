using CsCheck;
using Gatehouse.Masking.Detection;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Engine;

public sealed class NumberRunFinderTests
{
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.String[Gen.Char['0', '9'], 1, 8]),
        (5, Gen.OneOf(" ", "-", ".", "(", ")", "+", "/", ":", "++", "((", "*", ",", "  ", "\t")),
        (3, Gen.String[Gen.Char['a', 'z'], 1, 12]),
        (1, Gen.OneOf("\u0130", "\uFF10", "\u8030", "\u0660", "\u0120", "\u0229", "\uFF0D")),
        (1, Gen.String[Gen.Char[' ', '~'], 1, 70]));

    private static readonly Gen<string> Text = Piece.Array[0, 120].Select(string.Concat);

    [Fact]
    public void TryFindNext_AnyTextAndStart_YieldsTheScalarRunsTheScanActsOn()
    {
        Gen.Select(Text, Gen.Int[0, 300]).ForAll((text, from) =>
        {
            var at = Math.Min(from, text.Length);
            Assert.Equal(Scalar(text, at), Blocked(text, at));
        }, iter: 3000);
    }

    [Fact]
    public void TryFindNext_RunsAtEveryOffsetAroundABlockEdge_YieldsTheScalarRuns()
    {
        string[] runs = ["1234567", "+(12) 345 6789", "1 2 3 4", "4111 1111 1111 1111", "12345678901234567890123456789012345678901234567890123456789012345"];
        foreach (var run in runs)
        {
            for (var offset = 40; offset < 140; offset++)
            {
                var text = new string('x', offset) + run + (offset % 3 == 0 ? "" : " y" + run);
                Assert.Equal(Scalar(text, 0), Blocked(text, 0));
            }
        }
    }

    private static List<(int, int, int, bool)> Scalar(string text, int from)
    {
        var runs = new List<(int, int, int, bool)>();
        while (NumericTokens.TryFindNext(text, from, out var start, out var end, out var runEnd, out var qualifies))
        {
            from = runEnd;
            if (qualifies || runEnd == text.Length)
            {
                runs.Add((start, end, runEnd, qualifies));
            }
        }

        return runs;
    }

    private static List<(int, int, int, bool)> Blocked(string text, int from)
    {
        var runs = new List<(int, int, int, bool)>();
        while (NumberRunFinder.TryFindNext(text, from, out var start, out var end, out var runEnd, out var qualifies))
        {
            from = runEnd;
            runs.Add((start, end, runEnd, qualifies));
        }

        return runs;
    }
}
