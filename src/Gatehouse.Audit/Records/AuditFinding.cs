namespace Gatehouse.Audit.Records;

/// <summary>A secret or PII the masking found and replaced: which rule, where, and its keyed fingerprint, never its value.</summary>
/// <param name="Rule">The rule id, for example <c>github-pat</c>.</param>
/// <param name="Category"><c>secret</c>, <c>pii</c> or <c>internal</c>.</param>
/// <param name="Direction"><c>request</c> or <c>response</c>.</param>
/// <param name="Field">Where it was: <c>prompt</c>, <c>content</c>, <c>reasoning</c>, <c>tool_arguments</c>, <c>body</c>.</param>
/// <param name="Fingerprint">HMAC-SHA256 of the value under the deployment's key: equal values give equal fingerprints.</param>
/// <param name="Checksum">
/// <c>valid</c> or <c>invalid</c> for a format that carries its own checksum (GitHub's classic tokens): the value was
/// masked either way, and <c>invalid</c> marks a cut, mistyped or test token. Null (omitted) for every other rule and
/// in records written before it was recorded.
/// </param>
/// <param name="Placeholder">
/// True when the value is a published documentation example of its format (AWS's <c>AKIAIOSFODNN7EXAMPLE</c>, RFC
/// 7519's example JWT, <c>user:pass@</c>); null (omitted) otherwise and in records written before it was recorded, so
/// those records and their hashes are unchanged.
/// </param>
public sealed record AuditFinding(
    string Rule, string Category, string Direction, string Field, string Fingerprint, string? Checksum = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? Placeholder = null);
