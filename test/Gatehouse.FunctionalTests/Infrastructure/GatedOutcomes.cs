using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>The gateway's audit trail with a gate in front of outcome appends: they wait until the test opens it.</summary>
internal sealed class GatedOutcomes : IAuditTrail
{
    private IAuditTrail _inner = null!;

    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Gets a task that completes when an outcome append has reached the gate.</summary>
    public Task Held => _held.Task;

    /// <summary>Gets how many outcome appends have reached the gate so far (held, or passed once it was open).</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public void Open() => _open.TrySetResult();

    /// <summary>Puts the gate in front of <paramref name="inner"/>, the gateway's own trail, and returns it.</summary>
    public GatedOutcomes Over(IAuditTrail inner)
    {
        _inner = inner;
        return this;
    }

    public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken)
        => _inner.RecordIntentAsync(intent, cancellationToken);

    public async ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arrived);
        _held.TrySetResult();
        await _open.Task;
        return await _inner.RecordOutcomeAsync(outcome, cancellationToken);
    }

    public ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken)
        => _inner.AppendAsync(draft, cancellationToken);
}
