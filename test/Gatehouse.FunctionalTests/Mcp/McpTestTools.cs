using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>The tools of the MCP server behind the gateway in these tests.</summary>
[McpServerToolType]
public sealed class McpTestTools
{
    /// <summary>An AWS access key id the default masking rules find; the vault tool returns it.</summary>
    public const string ResultSecret = "AKIAZQ7VRK2LM6TX4WP3";

    [McpServerTool(Name = "github.merge_pr"), Description("Merges a pull request.")]
    public static string MergePullRequest(string repo, int number) => $"merged {repo}#{number}";

    [McpServerTool(Name = "github.list_prs"), Description("Lists open pull requests.")]
    public static string ListPullRequests(string repo) => $"{repo}: #1, #2";

    [McpServerTool(Name = "vault.read"), Description("Reads a secret.")]
    public static string ReadVault(string path) => $"the key at {path} is {ResultSecret}";

    [McpServerTool(Name = "echo"), Description("Repeats its text.")]
    public static string Echo(string text) => $"echo: {text}";
}
