namespace Gatehouse.Gateway.Approvals;

/// <summary>One hold counted by <see cref="CallerHolds"/>; disposing it (once) ends the count.</summary>
internal sealed class HoldLease(CallerHolds holds, string subject) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            holds.Leave(subject);
        }
    }
}
