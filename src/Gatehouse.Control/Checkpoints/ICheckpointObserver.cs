using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Control.Checkpoints;

/// <summary>Learns of every checkpoint the gateway signs, to publish it outside the database.</summary>
/// <remarks>Called from the checkpoint loop: an implementation must return at once.</remarks>
internal interface ICheckpointObserver
{
    void Signed(Checkpoint checkpoint);
}
