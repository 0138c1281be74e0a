namespace Gatehouse.Gateway.Configuration;

/// <summary>How responses that policy may hold for review are buffered and kept alive (YAML <c>responseHolds</c>).</summary>
public sealed record ResponseHoldConfig
{
    /// <summary>Gets the most bytes of one response held for review; the default is 8 MiB. A larger one is refused.</summary>
    public int MaxHeldBytes { get; init; } = 8 << 20;

    /// <summary>Gets how often a streaming client waiting for a reviewer gets an SSE comment; the default is 5 seconds.</summary>
    /// <remarks>Proxies and load balancers cut connections that stay idle; a comment line is ignored by SSE clients.</remarks>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(5);
}
