using Gatehouse.Audit.Checkpoints;
using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Control.Webhooks;

/// <summary>A signed audit checkpoint, published so that a rewritten database is caught against a copy kept elsewhere.</summary>
internal sealed record CheckpointNotice(Checkpoint Checkpoint, DateTimeOffset At) : Notice(WebhookEvents.CheckpointSigned, At)
{
    /// <summary>Gets the checkpoint as a signed note: the signed text, a blank line and the signature line.</summary>
    public string Note => CheckpointText.FormatNote(Checkpoint);
}
