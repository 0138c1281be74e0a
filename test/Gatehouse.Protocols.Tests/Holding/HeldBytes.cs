using System.Buffers;
using System.Text;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Protocols.Tests.Holding;

/// <summary>Runs a body through a <see cref="ResponseHoldBuffer"/> in given chunks and keeps what it released and held.</summary>
internal sealed record HeldBytes(string Released, string Held, ResponseSummary Summary, string? Error, ResponseHoldBuffer Buffer)
{
    public static readonly ProtocolRegistry Registry = new();

    public static HeldBytes Run(ApiKind api, string body, bool stream, IEnumerable<int>? splits = null, bool fromStart = false, int cap = 1 << 20)
    {
        var buffer = ResponseHoldBuffer.Create(Registry.Get(api)!, stream ? "text/event-stream" : "application/json", fromStart, cap);
        var released = new ArrayBufferWriter<byte>();
        foreach (var chunk in Chunking.Split(Encoding.UTF8.GetBytes(body), splits))
        {
            buffer.Append(chunk, released);
        }

        var summary = buffer.Complete(released);
        return new HeldBytes(Encoding.UTF8.GetString(released.WrittenSpan), Encoding.UTF8.GetString(buffer.Held.Span), summary, buffer.Error, buffer);
    }

    /// <summary>What the client receives when the held part is refused: the released prefix, then the refusal.</summary>
    public string Refused(string text)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(Encoding.UTF8.GetBytes(Released));
        Buffer.WriteRefusal(output, new RefusalContent(text, "apr_1", "model-x", new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
