namespace Gatehouse.Control.Webhooks;

/// <summary>A notification waiting in the queue; its details are looked up by the sender, off the data path.</summary>
/// <param name="Event">The event, known at once so that a webhook with no subscriber costs nothing.</param>
/// <param name="Resolve">Builds the notice (it may read the store); called once, in the background.</param>
internal sealed record QueuedNotice(string Event, Func<CancellationToken, ValueTask<Notice>> Resolve);
