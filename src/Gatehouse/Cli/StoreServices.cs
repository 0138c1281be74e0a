using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Cli;

/// <summary>The stores a command works on, as the configured provider registered them (<see cref="Hosting.StoreSelection"/>).</summary>
internal sealed class StoreServices(IServiceProvider services, string providerKey)
{
    /// <summary>Gets the audit log, with its checkpoints and search.</summary>
    public IAuditCheckpointStore Audit => services.GetRequiredService<IAuditCheckpointStore>();

    /// <summary>Gets the reader of one exchange's entries (for proofs).</summary>
    public IExchangeEntryReader Entries => services.GetRequiredService<IExchangeEntryReader>();

    /// <summary>Gets the API keys.</summary>
    public IApiKeyStore Keys => services.GetRequiredService<IApiKeyStore>();

    /// <summary>Gets the checker of the rows sealed in the audit log; null when the provider has none yet.</summary>
    public IRowSealVerifier? SealedRows => services.GetService<IRowSealVerifier>();

    /// <summary>Gets legal holds and retention; null when the provider does not store them yet.</summary>
    public IAuditRetentionStore? Retention => services.GetService<IAuditRetentionStore>();

    /// <summary>Returns legal holds and retention, or null after telling the user the provider does not store them yet.</summary>
    public async Task<IAuditRetentionStore?> RetentionOrReportAsync(TextWriter error)
    {
        if (Retention is { } retention)
        {
            return retention;
        }

        await error.WriteLineAsync($"gatehouse: the store configured by {providerKey} does not keep legal holds and retention yet; this command needs them");
        return null;
    }

    /// <summary>Gets the agents' enrollment tokens.</summary>
    public IAgentTokenStore AgentTokens => services.GetRequiredService<IAgentTokenStore>();

    /// <summary>Gets the configuration key of the provider in use (<c>storage.sqlite</c>, <c>storage.postgres</c>), for messages.</summary>
    public string ProviderKey => providerKey;
}
