using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Tests.Fakes;

/// <summary>An in-memory log for the writer and verifier tests; it can hold batches at a gate or fail them.</summary>
internal sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    private int _transactions;

    public List<AuditEntry> Entries { get; } = [];

    public AuditHead? Head { get; set; }

    public int Transactions => Volatile.Read(ref _transactions);

    public List<int> BatchSizes { get; } = [];

    /// <summary>Gets or sets a task every append waits for before committing.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>Gets or sets how many of the next appends throw.</summary>
    public int FailNext { get; set; }

    public TimeSpan CommitDelay { get; set; }

    /// <summary>Gets or sets what a failing append throws.</summary>
    public Func<Exception> Failure { get; set; } = () => new InvalidOperationException("simulated store failure");

    /// <summary>Gets or sets after how many entries reading throws.</summary>
    public int? FailReadAfter { get; set; }

    public async Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        await Gate.ConfigureAwait(false);
        if (CommitDelay > TimeSpan.Zero)
        {
            await Task.Delay(CommitDelay, cancellationToken).ConfigureAwait(false);
        }

        lock (_lock)
        {
            Interlocked.Increment(ref _transactions);
            BatchSizes.Add(drafts.Count);
            if (FailNext > 0)
            {
                FailNext--;
                throw Failure();
            }

            var committed = new List<AuditEntry>();
            foreach (var draft in drafts)
            {
                var previous = Head?.Hash ?? AuditChain.GenesisHash.ToArray();
                var entry = AuditChain.Seal(draft, (Head?.Sequence ?? 0) + 1, previous);
                Entries.Add(entry);
                committed.Add(entry);
                Head = new AuditHead(entry.Sequence, entry.Hash);
            }

            return committed;
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = 0;
        foreach (var entry in Entries.ToArray())
        {
            if (read++ == FailReadAfter)
            {
                throw new IOException("simulated read failure");
            }

            await Task.Yield();
            yield return entry;
        }
    }

    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) => Task.FromResult(Head);

    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
