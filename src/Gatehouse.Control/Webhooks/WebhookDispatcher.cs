using System.Collections.Concurrent;
using System.Threading.Channels;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// The bounded queue between the gateway and its webhooks. Enqueueing never waits: when the queue is full the notice
/// is dropped and counted, and the sender audits the drops (<c>notification.dropped</c>) when it next runs.
/// </summary>
internal sealed class WebhookDispatcher
{
    private readonly NotificationsConfig _config;
    private readonly WebhookMetrics _metrics;
    private readonly Channel<QueuedNotice> _queue;
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);

    public WebhookDispatcher(NotificationsConfig config, WebhookMetrics metrics)
    {
        _config = config;
        _metrics = metrics;
        _queue = Channel.CreateBounded<QueuedNotice>(new BoundedChannelOptions(config.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<QueuedNotice> Reader => _queue.Reader;

    /// <summary>Gets whether any webhook receives <paramref name="eventName"/>.</summary>
    public bool Wants(string eventName) => _config.Webhooks.Any(w => w.Receives(eventName));

    /// <summary>Queues a notice for every webhook that receives its event; false when none does or the queue is full.</summary>
    public bool TryEnqueue(QueuedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!Wants(notice.Event))
        {
            return false;
        }

        if (_queue.Writer.TryWrite(notice))
        {
            return true;
        }

        _dropped.AddOrUpdate(notice.Event, 1, (_, count) => count + 1);
        _metrics.Dropped(notice.Event);
        return false;
    }

    /// <summary>Takes the drop counts gathered since the last call, by event.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> TakeDrops()
    {
        var taken = new List<KeyValuePair<string, long>>();
        foreach (var eventName in _dropped.Keys)
        {
            if (_dropped.TryRemove(eventName, out var count))
            {
                taken.Add(new(eventName, count));
            }
        }

        return taken;
    }
}
