using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.FunctionalTests.Mcp;

#pragma warning disable MCP9005 // Sampling is deprecated from 2026-07-28 on; the session-based revisions still have it, and ask.model uses it.

/// <summary>The tool of the sampling tests' server (served only when <see cref="McpUpstream.StartAsync"/> is asked to).</summary>
[McpServerToolType]
public sealed class McpSamplingTools
{
    /// <summary>
    /// Asks the client's model during the call, whether or not the client declared sampling (as a server that ignores
    /// capabilities would), and says whether the client's initialize declared it and what came back.
    /// </summary>
    [McpServerTool(Name = "ask.model"), Description("Asks the client's model a question.")]
    public static async Task<string> AskModel(McpServer server, string question, CancellationToken cancellationToken)
    {
        var declared = server.ClientCapabilities?.Sampling is not null;
        var request = new JsonRpcRequest
        {
            Method = RequestMethods.SamplingCreateMessage,
            Params = new JsonObject
            {
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new JsonObject { ["type"] = "text", ["text"] = question } }),
                ["maxTokens"] = 16,
            },
        };
        try
        {
            var response = await server.SendRequestAsync(request, cancellationToken);
            var content = response.Result?["content"];
            var text = content is JsonArray blocks ? blocks[0]?["text"] : content?["text"];
            return $"declared={declared}; model said: {text}";
        }
        catch (McpProtocolException e)
        {
            return $"declared={declared}; refused {(int)e.ErrorCode}: {e.Message}";
        }
    }
}
