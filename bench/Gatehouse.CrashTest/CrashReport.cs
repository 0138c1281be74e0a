using System.Globalization;
using System.Text;

namespace Gatehouse.CrashTest;

/// <summary>The figures of a whole crash-consistency run and whether every check passed.</summary>
/// <param name="Options">How the run was driven.</param>
/// <param name="Cycles">One entry per gateway start; the last is the graceful one after the final kill.</param>
/// <param name="Intents">Intent entries in the audit at the end.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record CrashReport(CrashOptions Options, IReadOnlyList<CycleResult> Cycles, long Intents, TimeSpan Elapsed)
{
    /// <summary>Gets whether every start's checks passed.</summary>
    public bool Passed => Cycles.All(c => c.Passed);

    /// <summary>Gets the exchanges the client saw complete.</summary>
    public int Completed => Cycles.Sum(c => c.Completed);

    /// <summary>Gets the streams cut by the kills.</summary>
    public int Cut => Cycles.Sum(c => c.Cut);

    /// <summary>Gets the interruption entries start-up recovery wrote.</summary>
    public long Recovered => Cycles.Sum(c => c.Recovered);

    /// <summary>Formats the summary as a markdown table, one row per check.</summary>
    public string Table()
    {
        var kills = Cycles.Count - 1;
        var verifies = Cycles.Where(c => c.VerifyExit is not null).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"durability {Options.Durability}, kills {kills}, seed {Options.Seed}, concurrency {Options.Concurrency}, uptime {Options.MinUptime.TotalMilliseconds:F0}-{Options.MaxUptime.TotalMilliseconds:F0} ms, {Elapsed.TotalSeconds:F0} s");
        text.AppendLine();
        text.AppendLine("| check | result |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| SIGKILLs / restarts | {kills} / {Cycles.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| streams completed by the client / cut by a kill | {Completed} / {Cut} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| intents in the audit | {Intents} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| interrupted entries written by start-up recovery | {Recovered} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| completed exchanges without intent, or without outcome or interruption (max over starts) | {Cycles.Max(c => c.MissingRecords)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| completed exchanges whose outcome a kill caught before its commit, marked interrupted (at the end) | {Cycles[^1].OutcomeLost} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| intents left without outcome or interruption after a restart (sum) | {Cycles.Sum(c => c.Unresolved)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `gatehouse audit verify` passed | {verifies.Count(c => c.VerifyExit == 0)} of {verifies.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| verdict | {(Passed ? "PASS" : "FAIL")} |");
        return text.ToString();
    }
}
