namespace Gatehouse.Control.Admin;

/// <summary>One connection as the admin page shows it, with its health read from its latest exchanges in the audit trail.</summary>
/// <param name="Name">The connection's name.</param>
/// <param name="Kind">Its API kind (openai, anthropic, http, mcp, ...).</param>
/// <param name="Upstream">Its upstream URL, or the agent it is reached through.</param>
/// <param name="Recent">How many recent exchanges were read (at most <see cref="AdminStatus.RecentExchanges"/>).</param>
/// <param name="Failed">How many of them failed (a recorded failure, or an upstream 5xx).</param>
/// <param name="LastAt">When the latest exchange started; null when there is none.</param>
internal sealed record ConnectionHealth(string Name, string Kind, string Upstream, int Recent, int Failed, DateTimeOffset? LastAt)
{
    /// <summary>Gets the health in one word: <c>unused</c>, <c>healthy</c>, <c>degraded</c> (some failed) or <c>failing</c> (all failed).</summary>
    public string State => Recent == 0 ? "unused" : Failed == 0 ? "healthy" : Failed == Recent ? "failing" : "degraded";
}
