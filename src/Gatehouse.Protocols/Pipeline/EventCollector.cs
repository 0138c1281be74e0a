using System.Buffers;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// Keeps the events a stream rewriter wrote for one chunk until the caller has checked the rewrite, then hands them
/// to the event stage. Nothing the rewriter could not finish reaches capture, hold or client.
/// </summary>
internal sealed class EventCollector : ISseEventSink
{
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly ArrayBufferWriter<byte> _data = new(4096);
    private readonly ArrayBufferWriter<byte> _types = new(256);
    private readonly List<Item> _items = [];

    public void Event(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> serialized)
    {
        _items.Add(new Item(_bytes.WrittenCount, serialized.Length, _data.WrittenCount, data.Length, _types.WrittenCount, eventType.Length, Comment: false));
        _bytes.Write(serialized);
        _data.Write(data);
        _types.Write(eventType);
    }

    public void Comment(ReadOnlySpan<byte> serialized)
    {
        _items.Add(new Item(_bytes.WrittenCount, serialized.Length, 0, 0, 0, 0, Comment: true));
        _bytes.Write(serialized);
    }

    public void Clear()
    {
        _items.Clear();
        _bytes.ResetWrittenCount();
        _data.ResetWrittenCount();
        _types.ResetWrittenCount();
    }

    /// <summary>Hands every collected event to <paramref name="stage"/>; returns how many bytes they make.</summary>
    public long Drain(EventStage stage, IBufferWriter<byte> client)
    {
        long total = 0;
        foreach (var item in _items)
        {
            var bytes = _bytes.WrittenSpan.Slice(item.Start, item.Length);
            total += bytes.Length;
            if (item.Comment)
            {
                stage.Partial(bytes, client);
            }
            else
            {
                stage.Event(_types.WrittenSpan.Slice(item.TypeStart, item.TypeLength), _data.WrittenMemory.Slice(item.DataStart, item.DataLength), bytes, client);
            }
        }

        Clear();
        return total;
    }

    private readonly record struct Item(int Start, int Length, int DataStart, int DataLength, int TypeStart, int TypeLength, bool Comment);
}
