namespace Gatehouse.LoadBench;

/// <summary>What the streaming pass measured for one target; times in microseconds from sending the request.</summary>
internal sealed record StreamResult
{
    public required string Target { get; init; }

    /// <summary>Gets the streams read to their <c>[DONE]</c>.</summary>
    public required long Completed { get; init; }

    /// <summary>Gets the streams that failed: an error status, a socket error, or no <c>[DONE]</c>.</summary>
    public required long Errors { get; init; }

    /// <summary>Gets the time to the first byte of the response body (the first event).</summary>
    public required long FirstByteP50 { get; init; }

    public required long FirstByteP99 { get; init; }

    /// <summary>Gets the time to the end of the stream.</summary>
    public required long TotalP50 { get; init; }

    public required long TotalP99 { get; init; }

    /// <summary>Gets the streams read to their end during the warm-up, which the audit check counts but the figures leave out.</summary>
    public long WarmupCompleted { get; init; }

    /// <summary>Gets the streams that failed during the warm-up.</summary>
    public long WarmupErrors { get; init; }
}
