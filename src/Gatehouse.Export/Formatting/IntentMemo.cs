using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Formatting;

/// <summary>
/// Remembers the intents a formatter saw most recently, by exchange id, so an outcome (whose payload names no caller)
/// can carry the caller and API of its intent. Bounded: the oldest intent is forgotten first.
/// </summary>
/// <remarks>Only the exporter's single loop uses one memo, so it needs no locking.</remarks>
internal sealed class IntentMemo(int capacity)
{
    private readonly Dictionary<string, ExchangeIntent> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Remember(ExchangeIntent intent)
    {
        if (!_byId.TryAdd(intent.ExchangeId, intent))
        {
            return;
        }

        _order.Enqueue(intent.ExchangeId);
        if (_order.Count > capacity)
        {
            _byId.Remove(_order.Dequeue());
        }
    }

    public ExchangeIntent? Find(string exchangeId) => _byId.GetValueOrDefault(exchangeId);
}
