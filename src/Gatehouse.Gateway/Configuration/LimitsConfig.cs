namespace Gatehouse.Gateway.Configuration;

/// <summary>Request limits.</summary>
public sealed record LimitsConfig
{
    /// <summary>Gets the largest request body accepted; the default is 16 MiB. Larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets how long a client may take to send its request headers; the default is 30 seconds (slow clients are cut off).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the slowest a client may send its request body, after a 5-second grace; the default is 240 bytes per second.</summary>
    public int MinRequestBodyBytesPerSecond { get; init; } = 240;

    /// <summary>Gets how long to wait for the upstream's response headers; the default is 300 seconds.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Gets how many refused (unauthenticated) requests one source address may make per minute before it gets 429; the
    /// default is 60, also the burst.
    /// </summary>
    /// <remarks>A caller that authenticates is never counted, so a colleague behind the same address is still served.</remarks>
    public int UnauthenticatedPerMinute { get; init; } = 60;

    /// <summary>
    /// Gets how long refusals of one source are gathered into one <c>identity.refused</c> audit entry with a count; the
    /// default is 1 minute.
    /// </summary>
    public TimeSpan RefusalAuditInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets how many requests and responses of one caller may wait for a reviewer at once; the default is 8.</summary>
    public int MaxHoldsPerCaller { get; init; } = 8;

    /// <summary>Gets how many pending approval requests, and how many pending access requests, one caller may have; the default is 20 each.</summary>
    public int MaxPendingPerCaller { get; init; } = 20;
}
