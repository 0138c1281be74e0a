using System.CommandLine;
using Gatehouse.AccessCommands;
using Gatehouse.Agent;
using Gatehouse.Agents;
using Gatehouse.Approvals;
using Gatehouse.Ca;
using Gatehouse.AuditCommands;
using Gatehouse.Dev;
using Gatehouse.Keys;
using Gatehouse.Migrate;
using Gatehouse.PolicyCommands;
using Gatehouse.Scan;
using Gatehouse.Serve;

namespace Gatehouse.Cli;

/// <summary>The <c>gatehouse</c> command line: one executable for the server and its tools.</summary>
internal static class GatehouseCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Gatehouse: an identity-aware gateway for AI coding assistants. It authenticates every caller, records each " +
            "exchange in a tamper-evident audit trail before forwarding it, and injects the organisation's upstream credential.\n" +
            ExitCodes.Help);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(ApprovalsCommand.Create());
        root.Subcommands.Add(AccessCommand.Create());
        root.Subcommands.Add(DevCommand.Create());
        root.Subcommands.Add(CaCommand.Create());
        root.Subcommands.Add(AgentsCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(Mcp.McpCommand.Create());
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        return root;
    }
}
