using System.Text;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Serve;

/// <summary>What the server prints when it is ready: for a newcomer in dev mode, the three lines that get them going.</summary>
internal static class Quickstart
{
    private const string DefaultBase = "http://127.0.0.1:8080";

    public static string Describe(GatehouseConfig config)
    {
        var text = new StringBuilder();
        var baseUrl = DevDefaults.PublicBase(config);
        text.Append("Gatehouse is listening on ").AppendJoin(", ", config.Server.Urls).Append('\n');
        text.Append("  connections: ").AppendJoin(", ", config.Connections.Select(c => c.Via is null ? $"{c.Name} ({c.Kind})" : $"{c.Name} ({c.Kind} via agent {c.Via})")).Append('\n');
        text.Append("  audit store: ").Append(config.Storage.Postgres is null ? Path.GetFullPath(config.Storage.Sqlite) : "PostgreSQL (storage.postgres)").Append('\n');
        if (!config.Dev)
        {
            return text.ToString();
        }

        var cli = CliInvocation();
        text.Append('\n');
        text.Append("Development mode. Try it:\n");
        var urlOption = baseUrl == DefaultBase ? "" : $" --url {baseUrl}";
        text.Append("  1. Get a token:  TOKEN=$(").Append(cli).Append(" dev token --user alice --groups dev").Append(urlOption).Append(")\n");
        text.Append("  2. Call the demo model:\n");
        text.Append("     curl -s ").Append(baseUrl).Append("/demo/v1/chat/completions -H \"Authorization: Bearer $TOKEN\" \\\n");
        text.Append("       -H 'content-type: application/json' -d '{\"model\":\"gatehouse-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"write a clamp function\"}]}'\n");
        text.Append("  3. SDKs: base URL ").Append(baseUrl).Append("/demo/v1 (OpenAI), API key = the token\n");
        text.Append("  4. See it audited:  ").Append(cli).Append(" audit search   and   ").Append(cli).Append(" audit verify\n");
        text.Append("  5. Audit API (the admin group reads everyone's): curl -s ").Append(baseUrl)
            .Append("/api/audit?text=clamp -H \"Authorization: Bearer $(").Append(cli).Append(" dev token --user root --groups admin").Append(urlOption).Append(")\"\n");
        text.Append("  6. Console: ").Append(baseUrl).Append("/console  (sign in as alice, a developer; bob, a reviewer; carol, an auditor; or dave, an admin)\n");
        return text.ToString();
    }

    /// <summary>How to call this executable again: <c>gatehouse</c> when installed, the run command from a checkout.</summary>
    private static string CliInvocation()
    {
        var path = Environment.ProcessPath ?? "";
        var fromBuildOutput = path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && path.Contains($"{Path.DirectorySeparatorChar}src{Path.DirectorySeparatorChar}Gatehouse{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        return fromBuildOutput ? "dotnet run --project src/Gatehouse --" : "gatehouse";
    }
}
