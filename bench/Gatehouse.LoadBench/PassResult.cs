namespace Gatehouse.LoadBench;

/// <summary>The three targets measured under one <see cref="LoadPass"/>, and what the gateway's audit took in meanwhile.</summary>
internal sealed record PassResult
{
    public required LoadPass Pass { get; init; }

    public required LoadResult Direct { get; init; }

    public required LoadResult Yarp { get; init; }

    public required LoadResult Gatehouse { get; init; }

    /// <summary>Gets the requests written to the gateway over warm-up and measurement, which the audit must match.</summary>
    public required long GatehouseSent { get; init; }

    /// <summary>Gets the responses received from the gateway over warm-up and measurement.</summary>
    public required long GatehouseReceived { get; init; }

    /// <summary>Gets the audit entries made durable per second while the gateway was measured.</summary>
    public required double AuditEntriesPerSecond { get; init; }
}
