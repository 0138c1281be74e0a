using System.Text.Json.Nodes;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Rewrites a whole Responses response: every output item.</summary>
internal static class ResponsesBodyRewriter
{
    public static bool Rewrite(JsonObject root, TextFields fields) => ResponsesItems.RewriteOutput(root, fields);
}
