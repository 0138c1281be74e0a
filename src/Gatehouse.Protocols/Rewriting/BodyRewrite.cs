using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites every text-bearing field of one API's whole JSON response in place; returns whether any changed.</summary>
internal delegate bool BodyRewrite(JsonObject root, TextFields fields);
