namespace Gatehouse.LoadBench;

/// <summary>A run's results as its passes add them, before they become the <see cref="RunSummary"/>.</summary>
internal sealed class CollectedResults
{
    public List<LoadResult> Load { get; } = [];

    public List<LoadResult> One { get; } = [];

    public List<StreamResult> Stream { get; } = [];

    public List<LoadResult> AgentLoad { get; } = [];

    public List<LoadResult> AgentOne { get; } = [];

    public List<GatewayAudit> Audits { get; } = [];

    /// <summary>Gets the gateways that refused to start (a configuration key this gateway does not know), with their words.</summary>
    public List<(string Name, string Why)> NotMeasured { get; } = [];

    public HeldStreams? Held { get; set; }
}
