namespace Gatehouse.LoadBench.Agent;

/// <summary>What the agent-sessions pass measured through one fresh gateway: traffic, latency, CPU and store growth.</summary>
internal sealed record ConversationResult
{
    public required string Target { get; init; }

    /// <summary>Gets the sessions run at once (each API, streamed and not).</summary>
    public required int Sessions { get; init; }

    /// <summary>Gets the requests answered with 200 (a session's turns run one after another).</summary>
    public required long Exchanges { get; init; }

    public required long Errors { get; init; }

    /// <summary>Gets the bytes of every request body sent.</summary>
    public required long RequestBytes { get; init; }

    public required long LargestRequest { get; init; }

    /// <summary>Gets the bytes of the distinct content of all sessions: each distinct part (system prompt, tool, message, answer) once.</summary>
    public required long DistinctBytes { get; init; }

    /// <summary>Gets how much the store (database + log after a checkpoint) grew over the pass.</summary>
    public required long StoreGrowth { get; init; }

    public required double CpuPerRequest { get; init; }

    /// <summary>Gets the median time from sending a request to the end of its answer, in microseconds.</summary>
    public required long P50 { get; init; }

    public required long P99 { get; init; }

    public double StorePerExchange => StoreGrowth / (double)Math.Max(1, Exchanges);

    public double RequestPerExchange => RequestBytes / (double)Math.Max(1, Exchanges + Errors);

    /// <summary>Gets the store's growth over the distinct content (the target is at most 2).</summary>
    public double GrowthOverDistinct => StoreGrowth / (double)Math.Max(1, DistinctBytes);
}
