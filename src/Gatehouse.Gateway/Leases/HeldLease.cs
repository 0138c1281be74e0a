using Gatehouse.Storage.Leases;

namespace Gatehouse.Gateway.Leases;

/// <summary>This process's view of one named lease: whether it holds it now, and a way to wait until it does.</summary>
/// <remarks>
/// Only the <see cref="LeaseKeeper"/> changes it (<see cref="Take"/>, <see cref="Lose"/>); jobs read it. Each holding
/// has its own cancellation token, cancelled when it ends, so a job stops its work before another replica can start it.
/// Renewing a holding keeps its token and its cancellation token.
/// </remarks>
internal sealed class HeldLease(string name)
{
    private readonly Lock _gate = new();
    private Lease? _current;
    private CancellationTokenSource? _lost;
    private TaskCompletionSource _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the lease's name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the holding in force, or null while another replica holds the lease (or nobody can be sure).</summary>
    public LeaseHolding? Current
    {
        get
        {
            lock (_gate)
            {
                return _current is { } lease ? new LeaseHolding(lease, _lost!.Token) : null;
            }
        }
    }

    /// <summary>Waits until this process holds the lease and returns the holding.</summary>
    public async Task<LeaseHolding> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task taken;
            lock (_gate)
            {
                if (_current is { } lease)
                {
                    return new LeaseHolding(lease, _lost!.Token);
                }

                taken = _taken.Task;
            }

            await taken.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a holding taken or renewed; a new token ends the previous holding first.</summary>
    internal void Take(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        CancellationTokenSource? ended = null;
        lock (_gate)
        {
            if (_current is { } held && held.Token == lease.Token && held.Holder == lease.Holder)
            {
                _current = lease;
                return;
            }

            ended = _lost;
            _current = lease;
            _lost = new CancellationTokenSource();
            _taken.TrySetResult();
        }

        // Not disposed: a job may still be linking to its token. A cancelled source holds no timer or handle.
        ended?.Cancel();
    }

    /// <summary>Records that the holding ended; jobs working under it see <see cref="LeaseHolding.Lost"/> cancelled.</summary>
    internal void Lose()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            if (_current is null)
            {
                return;
            }

            ended = _lost;
            _current = null;
            _lost = null;
            _taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        ended?.Cancel();
    }
}
