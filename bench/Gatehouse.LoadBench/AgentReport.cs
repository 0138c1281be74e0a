using System.Text;
using Gatehouse.LoadBench.Agent;
using static Gatehouse.LoadBench.Report;

namespace Gatehouse.LoadBench;

/// <summary>Writes the agent-shaped passes of a run: the 49 KB first request, and the sessions' store growth.</summary>
internal static class AgentReport
{
    public static void Write(StringBuilder md, RunSummary run)
    {
        if (run.Agent is not { } agent)
        {
            return;
        }

        Line(md, "");
        Line(md, "### Agent-shaped requests");
        Line(md, "");
        Line(md, $"A seeded generator (`Agent/AgentConversation`) writes a terminal coding agent's sessions: a system prompt of about 40 KB " +
            $"and 17 tools with JSON schemas (shared by every session), then {AgentConversation.Turns} turns, each resending the whole " +
            "conversation plus the assistant's text and tool call and the tool's result (0.5 to 20 KB of source or build output), and " +
            $"now and then the user's text. The first request of a session (OpenAI chat, not streamed) is {agent.FirstRequestBytes / 1024.0:N1} KB; " +
            "it is loaded like the small request above, through the everything-on gateways.");
        LoadTable(md, run.Load with { Name = "agent 49 KB, load" }, agent.Load, withMemory: true);
        LoadTable(md, run.OneConnection with { Name = "agent 49 KB, one connection" }, agent.OneConnection, withMemory: false);
        if (agent.Conversation is not { } c)
        {
            return;
        }

        Line(md, "");
        Line(md, $"**agent sessions**: {c.Sessions} sessions at once through a fresh gateway ({c.Target}): OpenAI chat and Anthropic messages, " +
            $"each streamed and not, {AgentConversation.Turns} turns each, a turn sent when the previous answer has been read. The store is " +
            "measured as the database plus its write-ahead log after a checkpoint, with the gateway stopped, before and after.");
        Line(md, "");
        Line(md, "| exchanges | errors | request bytes sent | mean request | largest request | distinct content | store growth | store per exchange | growth / distinct | latency p50 | latency p99 | server CPU per request |");
        Line(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line(md, $"| {c.Exchanges:N0} | {c.Errors} | {Kb(c.RequestBytes)} | {Kb(c.RequestPerExchange)} | {Kb(c.LargestRequest)} | {Kb(c.DistinctBytes)} | " +
            $"{Kb(c.StoreGrowth)} | {Kb(c.StorePerExchange)} | {c.GrowthOverDistinct:N2}x | {Ms(c.P50)} | {Ms(c.P99)} | {c.CpuPerRequest:N0} µs |");
    }

    private static string Kb(double bytes) => $"{bytes / 1024.0:N0} KB";
}
