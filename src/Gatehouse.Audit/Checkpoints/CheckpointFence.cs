namespace Gatehouse.Audit.Checkpoints;

/// <summary>The holding a checkpoint is signed under: it is stored only while lease <paramref name="LeaseName"/> is still that holding.</summary>
/// <remarks>
/// Replicas sign under one lease so that only one signs at a time. A holder that paused past its lease (a long GC, a
/// frozen VM) and wakes after another took over still has a checkpoint in hand; the store refuses it because the
/// lease's token moved on, so no two holders ever store a checkpoint for the same stretch of the log.
/// </remarks>
/// <param name="LeaseName">The lease's name.</param>
/// <param name="Holder">Its holder (a writer id).</param>
/// <param name="Token">The holding's fencing token.</param>
public sealed record CheckpointFence(string LeaseName, string Holder, long Token);
