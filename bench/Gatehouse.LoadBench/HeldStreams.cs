namespace Gatehouse.LoadBench;

/// <summary>What the concurrent-streams pass measured: many streams open through the gateway at once, and its memory.</summary>
internal sealed record HeldStreams
{
    public required int Opened { get; init; }

    public required long Completed { get; init; }

    public required long Errors { get; init; }

    /// <summary>Gets the gateway's resident memory before the streams were opened, in bytes.</summary>
    public required long ResidentBefore { get; init; }

    /// <summary>Gets the highest resident memory of the gateway while they were open, in bytes.</summary>
    public required long ResidentPeak { get; init; }

    /// <summary>Gets how long the pass took from the first request to the last stream's end.</summary>
    public required TimeSpan Elapsed { get; init; }
}
