using System.Text.Json;

namespace Gatehouse.Control.Webhooks;

/// <summary>Writes one JSON object to a byte array, field by field, so nothing unlisted can slip into a body.</summary>
internal static class JsonBody
{
    public static byte[] Object(Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
