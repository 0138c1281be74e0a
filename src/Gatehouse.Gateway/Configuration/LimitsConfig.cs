namespace Gatehouse.Gateway.Configuration;

/// <summary>Request limits.</summary>
public sealed record LimitsConfig
{
    /// <summary>Gets the largest request body accepted; the default is 16 MiB. Larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets how long to wait for the upstream's response headers; the default is 300 seconds.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(300);
}
