using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Sqlite.Tests.Support;

/// <summary>Counts the append transactions reaching a real store.</summary>
internal sealed class CountingStore(IAuditStore inner) : IAuditStore
{
    private int _transactions;

    public int Transactions => Volatile.Read(ref _transactions);

    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _transactions);
        return inner.AppendAsync(drafts, cancellationToken);
    }

    public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) => inner.GetHeadAsync(cancellationToken);

    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken) =>
        inner.SearchAsync(query, cancellationToken);

    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        inner.GetExchangeAsync(exchangeId, cancellationToken);

    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) => inner.ProbeWritableAsync(cancellationToken);

    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecoverInterruptedAsync(now, cancellationToken);
}
