using System.Buffers;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// Keeps the events a stream rewriter wrote for one chunk until the caller has checked the rewrite, then hands them
/// to the event stage. Nothing the rewriter could not finish reaches capture, hold or client.
/// </summary>
/// <remarks>
/// When it keeps parses, an event the rewriter parsed is kept as that parse (over the rewriter's own copy of the
/// upstream's data) with the masked strings from the rewriter's edits, and the stage reads it from there: the event is
/// parsed once. Events the rewriter made up or did not parse keep their data, which the stage parses.
/// </remarks>
internal sealed class EventCollector(bool keepsParses) : ISseEventSink, IDisposable
{
    private readonly PooledByteBuffer _bytes = new(PooledByteBuffer.Unbounded);
    private readonly PooledByteBuffer _data = new(PooledByteBuffer.Unbounded);
    private readonly PooledByteBuffer _types = new(PooledByteBuffer.Unbounded);
    private readonly List<Item> _items = [];
    private readonly List<TextEdit> _texts = [];

    public bool KeepsParses { get; } = keepsParses;

    public void Event(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> serialized, JsonLease parse, JsonEdits? edits)
    {
        var parsed = parse.Document is not null;
        var textStart = _texts.Count;
        var texts = parsed ? edits?.CopyTexts(_texts) ?? 0 : 0;
        _items.Add(new Item(
            _bytes.Length, serialized.Length, _data.Length, parsed ? 0 : data.Length, _types.Length, eventType.Length, Comment: false,
            parse, textStart, texts));
        _bytes.Write(serialized);
        if (!parsed)
        {
            _data.Write(data);
        }

        _types.Write(eventType);
    }

    public void Comment(ReadOnlySpan<byte> serialized)
    {
        _items.Add(new Item(_bytes.Length, serialized.Length, 0, 0, 0, 0, Comment: true, default, 0, 0));
        _bytes.Write(serialized);
    }

    public void Clear()
    {
        foreach (var item in _items)
        {
            item.Parse.Dispose();
        }

        _items.Clear();
        _texts.Clear();
        _bytes.Clear();
        _data.Clear();
        _types.Clear();
    }

    /// <summary>Hands every collected event to <paramref name="stage"/>; returns how many bytes they make.</summary>
    public long Drain(EventStage stage, IBufferWriter<byte> client)
    {
        long total = 0;
        foreach (var item in _items)
        {
            var bytes = _bytes.Span.Slice(item.Start, item.Length);
            total += bytes.Length;
            var type = _types.Span.Slice(item.TypeStart, item.TypeLength);
            if (item.Comment)
            {
                stage.Partial(bytes, client);
            }
            else if (item.Parse.Document is { } document)
            {
                stage.Parsed(type, document.RootElement, new EditedStrings(item.Parse.Data, _texts, item.TextStart, item.TextCount), bytes, client);
            }
            else
            {
                stage.Event(type, _data.Memory.Slice(item.DataStart, item.DataLength), bytes, client);
            }
        }

        Clear();
        return total;
    }

    public void Dispose()
    {
        Clear();
        _bytes.Release();
        _data.Release();
        _types.Release();
    }

    private readonly record struct Item(
        int Start, int Length, int DataStart, int DataLength, int TypeStart, int TypeLength, bool Comment, JsonLease Parse, int TextStart, int TextCount);
}
