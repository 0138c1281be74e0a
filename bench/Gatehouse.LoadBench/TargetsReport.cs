using System.Text;
using static Gatehouse.LoadBench.Report;

namespace Gatehouse.LoadBench;

/// <summary>
/// Writes the targets of issues 12 and 18 beside what the run measured, each marked met or missed (and by how much);
/// a target whose pass did not run says so rather than guessing.
/// </summary>
internal static class TargetsReport
{
    private const double ThroughputTarget = 0.5;
    private const double PortkeyTarget = 10;
    private const double P99AddedTargetMs = 1.0;
    private const double FirstByteTargetMs = 1.0;
    private const double AgentThroughputTarget = 0.3;
    private const double AgentPortkeyTarget = 5;
    private const double AgentP99AddedTargetMs = 2.0;
    private const double StoreGrowthTarget = 2.0;
    private const double ResidentTargetMb = 300;
    private const double AuditTarget = 20_000;

    public static void Write(StringBuilder md, RunSummary run)
    {
        var all = GatewaySetup.EverythingOn.Name;
        var process = GatewaySetup.ProcessDurability.Name;
        Line(md, $"Targets (issues 12 and 18), for {all} unless stated:");
        Line(md, $"- throughput >= {ThroughputTarget:N1}x bare YARP at {run.Load.Concurrency} connections: " + Throughput(run.LoadResults, all, "bare YARP", ThroughputTarget));
        Line(md, $"- throughput >= {PortkeyTarget:N0}x Portkey's: " + Throughput(run.LoadResults, all, PortkeyPeer.Name, PortkeyTarget));
        Line(md, $"- one-connection p99 added <= {P99AddedTargetMs:N0} ms with `durability: process`: " + Added(run.OneConnectionResults, process, P99AddedTargetMs) +
            $" With the default `fsync`: {Added(run.OneConnectionResults, all, P99AddedTargetMs)}");
        if (Find(run.StreamResults, all) is { } stream && Find(run.StreamResults, "direct") is { } streamDirect)
        {
            var added = (stream.FirstByteP50 - streamDirect.FirstByteP50) / 1000.0;
            var withProcess = Find(run.StreamResults, process) is { } fast
                ? $" With `durability: process`: {(fast.FirstByteP50 - streamDirect.FirstByteP50) / 1000.0:+0.00;-0.00} ms."
                : "";
            Line(md, $"- streaming time to first byte added <= {FirstByteTargetMs:N0} ms at p50: {added:+0.00;-0.00} ms, {Verdict(added <= FirstByteTargetMs, $"{added - FirstByteTargetMs:N2} ms over")}.{withProcess}");
        }
        else
        {
            Line(md, $"- streaming time to first byte added <= {FirstByteTargetMs:N0} ms at p50: not measured.");
        }

        var agent = run.Agent;
        Line(md, $"- 49 KB agent request, throughput >= {AgentThroughputTarget:N1}x bare YARP: " + Throughput(agent?.Load ?? [], all, "bare YARP", AgentThroughputTarget));
        Line(md, $"- 49 KB agent request, throughput >= {AgentPortkeyTarget:N0}x Portkey's: " + Throughput(agent?.Load ?? [], all, PortkeyPeer.Name, AgentPortkeyTarget));
        Line(md, $"- 49 KB agent request, one-connection p99 added <= {AgentP99AddedTargetMs:N0} ms: " + Added(agent?.OneConnection ?? [], all, AgentP99AddedTargetMs) +
            (Find(agent?.OneConnection ?? [], process) is not null ? $" With `durability: process`: {Added(agent!.OneConnection, process, AgentP99AddedTargetMs)}" : ""));
        Line(md, $"- store growth over {Agent.AgentConversation.Turns}-turn sessions <= {StoreGrowthTarget:N0}x their distinct content: " + (agent?.Conversation is { } c
            ? $"{c.GrowthOverDistinct:N2}x ({c.StoreGrowth / 1048576.0:N1} MB for {c.DistinctBytes / 1048576.0:N1} MB distinct, {c.RequestBytes / 1048576.0:N1} MB sent), " +
              $"{Verdict(c.GrowthOverDistinct <= StoreGrowthTarget && c.Errors == 0, c.Errors > 0 ? $"{c.Errors} requests failed" : $"{c.GrowthOverDistinct / StoreGrowthTarget:N1}x the target")}."
            : "not measured."));
        if (run.Held is { } h)
        {
            var peak = h.ResidentPeak / 1048576.0;
            Line(md, $"- <= {ResidentTargetMb:N0} MB resident with {h.Opened:N0} concurrent streams (issue 6): {peak:N0} MB, " +
                Verdict(peak <= ResidentTargetMb && h.Errors == 0, h.Errors > 0 ? $"{h.Errors} streams failed" : $"{peak - ResidentTargetMb:N0} MB over") + ".");
        }

        var audit = run.AuditBenchmarkPerSecond();
        Line(md, $"- durable audit >= {AuditTarget:N0} records/s (issue 6): " + audit switch
        {
            null => "the audit store benchmark was not run by this command.",
            _ => $"{audit:N0} records/s from the audit store benchmark, {Verdict(audit >= AuditTarget, $"{AuditTarget - audit:N0} records/s short")}.",
        });
    }

    private static string Throughput(IReadOnlyList<LoadResult> results, string name, string baselineName, double target)
    {
        if (Find(results, name) is not { } mine)
        {
            return "not measured (the gateway did not run).";
        }

        if (Find(results, baselineName) is not { } baseline)
        {
            return $"not measured ({baselineName} was not run{(baselineName == PortkeyPeer.Name ? ": pass `--portkey`" : "")}).";
        }

        var ratio = mine.PerSecond / baseline.PerSecond;
        return $"{ratio:N2}x ({mine.PerSecond:N0} against {baseline.PerSecond:N0} requests/s), " +
            Verdict(ratio >= target, $"{(target * baseline.PerSecond) - mine.PerSecond:N0} requests/s short ({ratio / target:P0} of the target)") + ".";
    }

    private static string Added(IReadOnlyList<LoadResult> results, string name, double targetMs)
    {
        if (Find(results, name) is not { } mine)
        {
            return "not measured (the gateway did not run).";
        }

        if (Find(results, "direct") is not { } direct)
        {
            return "not measured (direct was not run).";
        }

        var p50 = (mine.P50 - direct.P50) / 1000.0;
        var p99 = (mine.P99 - direct.P99) / 1000.0;
        var yarp = Find(results, "bare YARP") is { } y ? $"; bare YARP {(y.P99 - direct.P99) / 1000.0:+0.00;-0.00} ms" : "";
        return $"p99 {p99:+0.00;-0.00} ms (p50 {p50:+0.00;-0.00} ms{yarp}), {Verdict(p99 <= targetMs, $"{p99 - targetMs:N2} ms over")}.";
    }

    private static string Verdict(bool met, string missedBy) => met ? "**met**" : $"**missed**, {missedBy}";
}
