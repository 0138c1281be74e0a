using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Control.Webhooks;

/// <summary>What a notification says before it is formatted for a webhook: ids, names and digests, never content.</summary>
/// <param name="Event">The event, one of <see cref="WebhookEvents"/>.</param>
/// <param name="At">When it happened.</param>
internal abstract record Notice(string Event, DateTimeOffset At);
