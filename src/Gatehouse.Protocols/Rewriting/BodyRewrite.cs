using System.Text.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites every text-bearing field of one API's whole JSON response into <see cref="TextFields.Edits"/>; returns whether any changed.</summary>
internal delegate bool BodyRewrite(JsonElement root, TextFields fields);
