namespace Gatehouse.Audit.Retention;

/// <summary>What one retention run applies: each connection's periods and the batch size.</summary>
/// <param name="Connections">The connections to sweep.</param>
/// <param name="BatchSize">The most exchanges changed in one write transaction; the default is 500.</param>
public sealed record RetentionPlan(IReadOnlyList<ConnectionRetention> Connections, int BatchSize = 500)
{
    /// <summary>Gets how long <c>identity.refused</c> entries are kept before they become tombstones; null (the default) keeps them for ever.</summary>
    /// <remarks>Refused callers name no connection, so they follow the audit-wide record period.</remarks>
    public TimeSpan? Refusals { get; init; }

    /// <summary>Gets a value indicating whether any record is tombstoned, which needs signed checkpoints.</summary>
    public bool RemovesRecords => Refusals is not null || Connections.Any(c => c.Records is not null);
}
