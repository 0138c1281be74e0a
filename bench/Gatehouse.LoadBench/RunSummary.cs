using System.Globalization;
using System.Text.RegularExpressions;
using Gatehouse.LoadBench.Agent;

namespace Gatehouse.LoadBench;

/// <summary>Everything one run measured, from which the report is written.</summary>
internal sealed partial record RunSummary
{
    public required BenchOptions Options { get; init; }

    public required string Machine { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string WrkVersion { get; init; }

    /// <summary>Gets the pass at the configured concurrency: throughput, and latency under load.</summary>
    public required LoadPass Load { get; init; }

    /// <summary>Gets the pass over one connection: the latency each proxy adds without queueing.</summary>
    public required LoadPass OneConnection { get; init; }

    /// <summary>Gets how long the streaming pass loaded each target.</summary>
    public required TimeSpan StreamFor { get; init; }

    /// <summary>Gets every target under the load pass: direct, bare YARP, Portkey (when run), then Gatehouse layer by layer.</summary>
    public required IReadOnlyList<LoadResult> LoadResults { get; init; }

    public required IReadOnlyList<LoadResult> OneConnectionResults { get; init; }

    public required IReadOnlyList<StreamResult> StreamResults { get; init; }

    /// <summary>Gets the concurrent-streams pass through the everything-on gateway.</summary>
    public HeldStreams? Held { get; init; }

    public required IReadOnlyList<GatewayAudit> Audits { get; init; }

    /// <summary>Gets the gateway set-ups that refused to start, with the gateway's words; their rows are reported as not measured.</summary>
    public IReadOnlyList<(string Name, string Why)> NotMeasured { get; init; } = [];

    /// <summary>Gets the agent-shaped passes, when they ran.</summary>
    public AgentSummary? Agent { get; init; }

    /// <summary>Gets the audit store's own benchmark line, when the command ran it.</summary>
    public string? AuditBenchmark { get; init; }

    /// <summary>Returns the group-commit rate the audit store benchmark printed, if it ran.</summary>
    public double? AuditBenchmarkPerSecond()
    {
        var match = AuditRate().Match(AuditBenchmark ?? "");
        return match.Success ? double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"group commit ([\d,]+) records/s")]
    private static partial Regex AuditRate();
}
