namespace Gatehouse.Masking;

/// <summary>One detected value: where it was in the original text and which rule found it; never the value itself.</summary>
/// <param name="RuleId">The id of the rule that matched, such as <c>github-pat</c>.</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Offset">The offset of the value in the original (unmasked) text, in UTF-16 code units.</param>
/// <param name="Length">The length of the value in the original text, in UTF-16 code units.</param>
/// <param name="Fingerprint">
/// Lower-case hex HMAC-SHA256 of the value under the deployment key (first 8 bytes), so that two records holding the
/// same secret can be correlated without revealing it.
/// </param>
/// <param name="Checksum">
/// Whether the value's own checksum verified, for formats that carry one (GitHub's classic tokens); the value is masked
/// either way. <see cref="ChecksumStatus.None"/> for every other rule.
/// </param>
/// <param name="Placeholder">
/// Whether the value is a published documentation example of its format (AWS's <c>AKIAIOSFODNN7EXAMPLE</c>, RFC 7519's
/// example JWT, <c>user:pass@</c> on a documentation host): reported, and masked unless the rule is listed in
/// <see cref="MaskingOptions.UnmaskedPlaceholderRules"/>.
/// </param>
public readonly record struct Finding(
    string RuleId, RuleCategory Category, int Offset, int Length, string Fingerprint,
    ChecksumStatus Checksum = ChecksumStatus.None, bool Placeholder = false);
