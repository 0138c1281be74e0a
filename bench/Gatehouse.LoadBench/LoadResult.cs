namespace Gatehouse.LoadBench;

/// <summary>What one load of one target measured; latencies in microseconds, as the load generator records them.</summary>
internal sealed record LoadResult
{
    public required string Target { get; init; }

    /// <summary>Gets the responses completed within the duration.</summary>
    public required long Requests { get; init; }

    /// <summary>Gets the requests written, including those still in flight when the duration ended.</summary>
    public required long Sent { get; init; }

    public required double Seconds { get; init; }

    /// <summary>Gets the socket errors, timeouts and responses with a status of 400 or more.</summary>
    public required long Errors { get; init; }

    public required long P50 { get; init; }

    public required long P90 { get; init; }

    public required long P99 { get; init; }

    public required long Max { get; init; }

    /// <summary>Gets the CPU time the server process (the upstream for direct, else the proxy) used per request, in microseconds.</summary>
    public double CpuPerRequest { get; init; }

    /// <summary>Gets the highest resident memory of the answering process during the measurement, in bytes (0 for direct).</summary>
    public long PeakResident { get; init; }

    /// <summary>Gets the requests written during the warm-up before the measurement.</summary>
    public long WarmupSent { get; init; }

    /// <summary>Gets the responses received during that warm-up.</summary>
    public long WarmupRequests { get; init; }

    public double PerSecond => Requests / Seconds;
}
