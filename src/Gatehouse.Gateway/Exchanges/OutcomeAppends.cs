namespace Gatehouse.Gateway.Exchanges;

/// <summary>
/// The exchanges' outcome appends still on their way to the audit: bounded, and awaited by the host's graceful shutdown
/// before the audit writer stops.
/// </summary>
/// <remarks>
/// <para>
/// An exchange's handler returns once its outcome is queued, not once it is written: on an HTTP/1.1 keep-alive
/// connection Kestrel reads the next request only after the handler returns, so awaiting the commit there made every
/// request wait for the previous exchange's outcome (docs/designs/audit-durability.md).
/// </para>
/// <para>
/// At most <see cref="Capacity"/> appends are in flight (<c>audit.queueCapacity</c>, the audit queue's own bound). One
/// more waits in its handler for a slot, after its response is complete (back-pressure on that connection: nothing is
/// dropped). <see cref="DrainAsync"/> completes once none is in flight or waiting. A slot is taken with
/// <see cref="TryReserve"/> or <see cref="ReserveAsync"/> and given back with <see cref="Release"/> when the append ends,
/// written or failed.
/// </para>
/// </remarks>
internal sealed class OutcomeAppends
{
    private readonly SemaphoreSlim _slots;
    private int _pending;
    private int _waiting;
    private TaskCompletionSource? _drained;

    public OutcomeAppends(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Gets how many appends may be in flight at once.</summary>
    public int Capacity { get; }

    /// <summary>Gets how many appends are in flight or waiting for a slot.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Gets how many handlers wait for a slot because <see cref="Capacity"/> appends are in flight.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot if one is free now.</summary>
    public bool TryReserve()
    {
        if (!_slots.Wait(0))
        {
            return false;
        }

        Interlocked.Increment(ref _pending);
        return true;
    }

    /// <summary>Waits for a slot; the wait counts as pending, so a drain waits for it too.</summary>
    public async Task ReserveAsync()
    {
        Interlocked.Increment(ref _pending);
        Interlocked.Increment(ref _waiting);
        try
        {
            // No cancellation: the outcome must be written whether or not the client is still there.
            await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Gives a slot back once its append has ended, written or failed.</summary>
    public void Release()
    {
        _slots.Release();
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Volatile.Read(ref _drained)?.TrySetResult();
        }
    }

    /// <summary>Completes once no append is in flight or waiting for a slot, or throws when <paramref name="cancellationToken"/> fires first.</summary>
    public Task DrainAsync(CancellationToken cancellationToken)
    {
        var drained = Volatile.Read(ref _drained);
        if (drained is null || drained.Task.IsCompleted)
        {
            drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // Published (a full fence) before the count is read: a Release that reaches zero after this sees it; one
            // before it left zero to be read here.
            Interlocked.Exchange(ref _drained, drained);
        }

        if (Volatile.Read(ref _pending) == 0)
        {
            drained.TrySetResult();
        }

        return drained.Task.WaitAsync(cancellationToken);
    }
}
