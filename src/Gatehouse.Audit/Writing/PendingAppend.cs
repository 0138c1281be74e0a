using Gatehouse.Audit.Chain;

namespace Gatehouse.Audit.Writing;

/// <summary>One caller's entry waiting in the queue, and the completion that caller awaits.</summary>
internal sealed class PendingAppend(AuditEntryDraft draft)
{
    public AuditEntryDraft Draft { get; } = draft;

    // Continuations run asynchronously so that completing a batch never runs callers' request code on the writer loop.
    public TaskCompletionSource<AuditWriteResult> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
