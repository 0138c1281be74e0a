namespace Gatehouse.Scan;

/// <summary>One finding of <c>gatehouse scan</c>: where it is, which rule, and its fingerprint; never the value.</summary>
internal sealed record ScanFinding(string Path, int Line, int Column, int Length, string Rule, string Category, string Fingerprint);
