using System.Runtime.InteropServices;
using System.Text.Json;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>The members a chunk the gateway makes up copies from the stream's last chunk: its id, model and such.</summary>
/// <remarks>Kept as a copy of the values as the last chunk had them, since that chunk's parse ends with its event.</remarks>
internal sealed class ChunkHead
{
    private static readonly string[] Fields = ["id", "object", "created", "model", "system_fingerprint", "service_tier"];

    private readonly byte[]?[] _values = new byte[Fields.Length][];

    /// <summary>Starts as the head of a chat stream that has had no chunk yet.</summary>
    public ChunkHead()
        : this("\"chat.completion.chunk\""u8)
    {
    }

    /// <summary>Starts as the head of a stream that has had no chunk yet, whose chunks are of <paramref name="objectJson"/> (a JSON string).</summary>
    /// <remarks>Legacy completions stream chunks of the same head members, typed <c>text_completion</c>.</remarks>
    public ChunkHead(ReadOnlySpan<byte> objectJson)
    {
        _values[Array.IndexOf(Fields, "object")] = objectJson.ToArray();
    }

    /// <summary>Keeps <paramref name="chunk"/>'s head members (values as written; absent and null ones are left out).</summary>
    /// <remarks>A stream repeats the same id and model in every chunk, so a value already kept is not copied again.</remarks>
    public void Update(JsonElement chunk)
    {
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!chunk.TryGetProperty(Fields[i], out var value) || value.ValueKind == JsonValueKind.Null)
            {
                _values[i] = null;
                continue;
            }

            var raw = JsonMarshal.GetRawUtf8Value(value);
            if (_values[i] is not { } kept || !raw.SequenceEqual(kept))
            {
                _values[i] = raw.ToArray();
            }
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        for (var i = 0; i < Fields.Length; i++)
        {
            if (_values[i] is { } value)
            {
                writer.WritePropertyName(Fields[i]);
                using var document = JsonDocument.Parse(value);
                document.RootElement.WriteTo(writer);
            }
        }
    }
}
