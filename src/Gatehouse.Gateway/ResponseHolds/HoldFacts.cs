namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>What a held response is judged on and bound to: the holding rules, its tool calls, its digest.</summary>
internal sealed record HoldFacts(IReadOnlyList<string> Rules, IReadOnlyList<string> ToolCalls, string? Digest);
