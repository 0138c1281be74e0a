using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The outcome of masking a request body: the rewritten bytes (null when nothing changed), what was found, and why the
/// body could not be inspected (then it must not be forwarded).
/// </summary>
internal sealed record RequestMaskResult(byte[]? Body, IReadOnlyList<AuditFinding> Findings, string? Error);
