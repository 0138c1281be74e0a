using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The outcome of masking a request body: the rewritten bytes (null when nothing changed), what was found, whether the
/// body could be inspected at all, and why not when it was malformed.
/// </summary>
internal sealed record RequestMaskResult(byte[]? Body, IReadOnlyList<AuditFinding> Findings, bool Inspected, string? Error);
