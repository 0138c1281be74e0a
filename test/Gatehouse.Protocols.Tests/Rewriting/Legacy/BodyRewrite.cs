// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites every text-bearing field of one API's whole JSON response in place; returns whether any changed.</summary>
internal delegate bool BodyRewrite(JsonObject root, TextFields fields);
