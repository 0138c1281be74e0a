using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Rewrites a whole Responses response: every output item.</summary>
internal static class ResponsesBodyRewriter
{
    public static bool Rewrite(JsonElement root, TextFields fields) => ResponsesItems.RewriteOutput(root, fields);
}
