using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Streaming;

/// <summary>The part every API's body reader shares: it reads each string through an <see cref="EditedStrings"/>.</summary>
/// <remarks>
/// So that a masked body is parsed once: the body reader reads the body rewriter's parse of the upstream's bytes and
/// sees the masked text through the rewriter's edits (<see cref="ReadParsed"/>), as it would from the rewritten bytes.
/// A reader that reads raw JSON it cannot see edited implements <see cref="IResponseBodyReader"/> alone and is given
/// the rewritten bytes to parse.
/// </remarks>
internal abstract class JsonBodyReader : IResponseBodyReader
{
    public void Read(JsonElement root, ICollection<StreamDelta> deltas) => Read(root, default, deltas);

    /// <summary>Reads a body someone else parsed (the body rewriter), with its strings as <paramref name="strings"/> gives them.</summary>
    public void ReadParsed(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas) => Read(root, strings, deltas);

    /// <summary>Reads the body's JSON, each of its strings through <paramref name="strings"/>.</summary>
    protected abstract void Read(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas);
}
