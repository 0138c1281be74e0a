// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites a whole Responses response: every output item.</summary>
internal static class ResponsesBodyRewriter
{
    public static bool Rewrite(JsonObject root, TextFields fields) => ResponsesItems.RewriteOutput(root, fields);
}
