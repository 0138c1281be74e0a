namespace Gatehouse.Scan;

/// <summary>One finding of <c>gatehouse scan</c>: where it is, which rule, and its fingerprint; never the value.</summary>
/// <remarks><see cref="Checksum"/> is <c>valid</c> or <c>invalid</c> for a format with its own checksum, else null
/// (and then left out of the JSON). <see cref="Placeholder"/> is true for a published documentation example of the
/// rule's format (AWS's <c>AKIAIOSFODNN7EXAMPLE</c>, <c>user:pass@</c>), else null and left out.</remarks>
internal sealed record ScanFinding(
    string Path, int Line, int Column, int Length, string Rule, string Category, string Fingerprint,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Checksum = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? Placeholder = null);
