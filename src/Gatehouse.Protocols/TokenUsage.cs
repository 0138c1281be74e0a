namespace Gatehouse.Protocols;

/// <summary>Token usage as the upstream reported it.</summary>
public sealed record TokenUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);
