using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Rewriting.OpenAIResponses;

/// <summary>Rewrites a whole Responses response: every output item.</summary>
internal static class ResponsesBodyRewriter
{
    public static bool Rewrite(JsonObject root, TextFields fields) => ResponsesItems.RewriteOutput(root, fields);
}
