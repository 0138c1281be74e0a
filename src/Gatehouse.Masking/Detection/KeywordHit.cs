namespace Gatehouse.Masking.Detection;

/// <summary>A confirmed keyword occurrence: where it starts, and the index of its keyword.</summary>
internal readonly record struct KeywordHit(int Position, int Keyword);
