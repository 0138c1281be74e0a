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
}
