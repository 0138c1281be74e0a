using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>
/// What one response did, as the equivalence corpus records it: every write the client received (its length, in order,
/// and a hash of all of them), whether and what was held and the refusal that would replace it, the audit capture,
/// the hold's summary, and the findings.
/// </summary>
internal sealed record PipelineOutcome(
    IReadOnlyList<int> Writes,
    string ClientSha256,
    string? Failure,
    bool Holding,
    int HeldBytes,
    string HeldSha256,
    string HeldText,
    string RefusalSha256,
    ResponseSummary Capture,
    ResponseSummary? HoldSummary,
    IReadOnlyList<AuditFinding> Findings)
{
    public static string Sha(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public string ToJson() => JsonSerializer.Serialize(this);
}
