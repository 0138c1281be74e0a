namespace Gatehouse.Audit.Retention;

/// <summary>What one retention run applies: each connection's periods and the batch size.</summary>
/// <param name="Connections">The connections to sweep.</param>
/// <param name="BatchSize">The most exchanges changed in one write transaction; the default is 500.</param>
public sealed record RetentionPlan(IReadOnlyList<ConnectionRetention> Connections, int BatchSize = 500)
{
    /// <summary>Gets a value indicating whether any connection tombstones records, which needs signed checkpoints.</summary>
    public bool RemovesRecords => Connections.Any(c => c.Records is not null);
}
