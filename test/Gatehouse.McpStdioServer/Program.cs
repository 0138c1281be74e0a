using System.Collections;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The tools of the stdio MCP server the functional tests have the gateway run. Nothing but MCP messages goes to
// stdout; the one stderr line lets a test see that stderr is read (and cut) without reaching the client.
const string ResultSecret = "AKIAZQ7VRK2LM6TX4WP3";
await Console.Error.WriteLineAsync("gatehouse test stdio server ready " + new string('x', 2000));

var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "gatehouse-test-stdio", Version = "1.0.0" },
    ToolCollection =
    [
        McpServerTool.Create((string text) => $"echo: {text}", new() { Name = "echo", Description = "Repeats its text." }),
        McpServerTool.Create((string repo, int number) => $"merged {repo}#{number}", new() { Name = "github.merge_pr", Description = "Merges a pull request." }),
        McpServerTool.Create((string path) => $"the key at {path} is {ResultSecret}", new() { Name = "vault.read", Description = "Reads a secret." }),
        McpServerTool.Create(() => Environment.ProcessId, new() { Name = "process.id", Description = "Answers the server's process id." }),
        McpServerTool.Create(
            () => string.Join('\n', Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal)),
            new() { Name = "process.env", Description = "Answers the server's environment, one NAME=value a line." }),
    ],
};

await using var server = McpServer.Create(new StdioServerTransport(options), options);
await server.RunAsync();
