using Gatehouse.Audit.Checkpoints;
using Gatehouse.Control.Checkpoints;

namespace Gatehouse.Control.Webhooks;

/// <summary>Queues every signed checkpoint for the webhooks that receive <c>checkpoint.signed</c>.</summary>
internal sealed class CheckpointWebhooks(WebhookDispatcher dispatcher) : ICheckpointObserver
{
    public void Signed(Checkpoint checkpoint)
    {
        var notice = new CheckpointNotice(checkpoint, checkpoint.Time);
        dispatcher.TryEnqueue(new QueuedNotice(notice.Event, _ => ValueTask.FromResult<Notice>(notice)));
    }
}
