using System.Globalization;
using System.Text.RegularExpressions;

namespace Gatehouse.LoadBench;

/// <summary>Everything one run measured, from which the report is written.</summary>
internal sealed partial record RunSummary
{
    public required BenchOptions Options { get; init; }

    public required string Machine { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string WrkVersion { get; init; }

    public required LoadResult Direct { get; init; }

    public required LoadResult Yarp { get; init; }

    public required LoadResult Gatehouse { get; init; }

    /// <summary>Gets the requests written to the gateway over warm-up and measurement, which the audit must match.</summary>
    public required long GatehouseSent { get; init; }

    /// <summary>Gets the responses the load generator received from the gateway over warm-up and measurement.</summary>
    public required long GatehouseReceived { get; init; }

    public required AuditCount Audit { get; init; }

    /// <summary>Gets the audit entries made durable per second while the gateway was measured.</summary>
    public required double AuditEntriesPerSecond { get; init; }

    public required bool AuditIntact { get; init; }

    public required string AuditVerdict { get; init; }

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
