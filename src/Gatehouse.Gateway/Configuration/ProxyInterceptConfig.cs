namespace Gatehouse.Gateway.Configuration;

/// <summary>One intercepted host pattern and the connection whose pipeline its requests run through.</summary>
public sealed record ProxyInterceptConfig
{
    /// <summary>Gets the host, or <c>*.domain</c> for any name below <c>domain</c> (at any depth, not <c>domain</c> itself).</summary>
    public required string Host { get; init; }

    /// <summary>Gets the connection's name.</summary>
    public required string Connection { get; init; }
}
