using Gatehouse.Audit.Retention;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Retention;

/// <summary>Turns the configuration into the plan a retention run applies.</summary>
public static class RetentionPlans
{
    /// <summary>
    /// Returns each connection's effective periods (its own, else <c>audit.retention</c>'s); connections that keep
    /// everything for ever are left out. Refused callers (<c>identity.refused</c>) follow <c>audit.retention.records</c>.
    /// </summary>
    public static RetentionPlan From(GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = config.Audit.Retention;
        var connections = config.Connections
            .Select(c => new ConnectionRetention(
                c.Name, (c.Retention.Bodies ?? defaults.Bodies).Keep, (c.Retention.Records ?? defaults.Records).Keep))
            .Where(c => c.Bodies is not null || c.Records is not null)
            .ToList();
        return new RetentionPlan(connections, defaults.BatchSize) { Refusals = defaults.Records.Keep };
    }
}
