namespace Gatehouse.Gateway.ForwardProxy.Tunnels;

/// <summary>A CONNECT as the audit keeps it: metadata only, since a blind tunnel's bytes are never read.</summary>
internal sealed record TunnelRecord
{
    public required string TunnelId { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>Gets <c>tunnel</c>, <c>intercept</c> or <c>refuse</c>.</summary>
    public required string Route { get; init; }

    public required string Subject { get; init; }

    public string? Email { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Gets the address connected to, for a tunnel.</summary>
    public string? Address { get; init; }

    /// <summary>Gets why the CONNECT was refused, or why the tunnel ended abnormally; a stable code.</summary>
    public string? Code { get; init; }

    public long? BytesUp { get; init; }

    public long? BytesDown { get; init; }

    public double? DurationSeconds { get; init; }

    public required DateTimeOffset At { get; init; }
}
