using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>An audit contract test class: the provider under test, and the audit log read back whole.</summary>
public abstract class AuditContract : ProviderTest
{
    protected static async Task<List<AuditEntry>> ReadAllAsync(IAuditStore store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
