using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Tests.Fakes;

/// <summary>A store whose head moves on after it is first read, as a live gateway's does while it is verified.</summary>
internal sealed class HeadMovesStore(MemoryAuditStore inner, AuditHead later) : IAuditStore
{
    private int _headReads;

    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken)
        => Task.FromResult(Interlocked.Increment(ref _headReads) == 1 ? inner.Head : later);

    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
        => inner.AppendAsync(drafts, cancellationToken);

    public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken)
        => inner.GetExchangeAsync(exchangeId, cancellationToken);

    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) => inner.ProbeWritableAsync(cancellationToken);

    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken)
        => inner.RecoverInterruptedAsync(now, cancellationToken);
}
