namespace Gatehouse.Masking.Detection;

/// <summary>A pattern match before overlap resolution, in the coordinates of the scanned text.</summary>
internal readonly record struct Candidate(int Start, int Length, int RuleIndex, bool IsBlock)
{
    public int End => Start + Length;
}
