using Gatehouse.Audit.Records;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>What a held response is judged on and bound to: the holding rules, its tool calls, its digest.</summary>
/// <param name="Rules">The rules that hold the response.</param>
/// <param name="ToolCalls">The names of the held tool calls.</param>
/// <param name="Digest">The SHA-256 of the held bytes, once known.</param>
internal sealed record HoldFacts(IReadOnlyList<string> Rules, IReadOnlyList<string> ToolCalls, string? Digest)
{
    /// <summary>Gets the held tool calls with their (masked, capped) arguments: what a reviewer is shown.</summary>
    public IReadOnlyList<AuditToolCall> Held { get; init; } = [];
}
