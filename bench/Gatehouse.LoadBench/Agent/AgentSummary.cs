namespace Gatehouse.LoadBench.Agent;

/// <summary>What the agent-shaped passes measured: the 49 KB first request under load and over one connection, and the sessions.</summary>
internal sealed record AgentSummary
{
    /// <summary>Gets the size of the first request of a session (OpenAI chat, not streamed), in bytes.</summary>
    public required int FirstRequestBytes { get; init; }

    /// <summary>Gets that request at the run's concurrency: direct, bare YARP, Portkey (when run), then the gateways.</summary>
    public required IReadOnlyList<LoadResult> Load { get; init; }

    public required IReadOnlyList<LoadResult> OneConnection { get; init; }

    /// <summary>Gets the sessions pass, or null when it did not run.</summary>
    public ConversationResult? Conversation { get; init; }
}
