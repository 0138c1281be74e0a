using Gatehouse.Audit.Chain;

namespace Gatehouse.Audit.Store;

/// <summary>A store that can read every entry written under one exchange id (intent, outcome, approval events).</summary>
/// <remarks>Kept apart from <see cref="IAuditStore"/> so stores and test doubles that do not serve the audit API need not implement it.</remarks>
public interface IExchangeEntryReader
{
    /// <summary>Returns the entries whose exchange id is <paramref name="exchangeId"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadExchangeEntriesAsync(string exchangeId, CancellationToken cancellationToken);
}
