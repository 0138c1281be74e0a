namespace Gatehouse.Masking.Detection;

/// <summary>A pattern match before overlap resolution, in the coordinates of the scanned text.</summary>
/// <param name="Start">Where the match starts.</param>
/// <param name="Length">The match's length.</param>
/// <param name="RuleIndex">The index of its rule in the rule set.</param>
/// <param name="IsBlock">Whether it is a private-key block.</param>
/// <param name="Placeholder">Whether the match is a published documentation example of its rule's format.</param>
internal readonly record struct Candidate(int Start, int Length, int RuleIndex, bool IsBlock, bool Placeholder = false)
{
    public int End => Start + Length;
}
