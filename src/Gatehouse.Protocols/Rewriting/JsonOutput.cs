using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>How the gateway writes JSON a client reads: compact, escaping only what JSON itself requires.</summary>
internal static class JsonOutput
{
    // Output is JSON for API clients, never HTML, so non-ASCII text stays readable.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the bytes <paramref name="write"/> writes: for events the gateway makes up (rare, once per channel end).</summary>
    public static byte[] Build<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            write(writer, state);
        }

        return output.WrittenSpan.ToArray();
    }
}
