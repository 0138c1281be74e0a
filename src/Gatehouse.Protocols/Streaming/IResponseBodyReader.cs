using System.Text.Json;

namespace Gatehouse.Protocols.Streaming;

/// <summary>Turns one API's complete (not streamed) JSON response into <see cref="StreamDelta"/>s.</summary>
public interface IResponseBodyReader
{
    /// <summary>Appends the deltas <paramref name="root"/> carries to <paramref name="deltas"/>; never throws on bad input.</summary>
    void Read(JsonElement root, ICollection<StreamDelta> deltas);
}
