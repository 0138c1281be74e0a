using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>A provider's store, its retention store, a checkpoint key and a runner whose clock starts at <see cref="Exchanges.Start"/>.</summary>
public sealed class RetentionFixture : IDisposable
{
    private readonly CheckpointSigner _signer;

    private RetentionFixture(IStoreProvider provider, IAuditCheckpointStore store)
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        Key = CheckpointVerifier.FromPem(publicPem);
        Store = store;
        Retention = provider.Retention(store);
        Runner = new RetentionRunner(Retention, new CheckpointWriter(Retention, _signer, Time, new CheckpointWriterOptions()), Time);
    }

    public FakeTimeProvider Time { get; } = new(Exchanges.Start);

    public IAuditCheckpointStore Store { get; }

    public IAuditRetentionStore Retention { get; }

    public RetentionRunner Runner { get; }

    public CheckpointVerifier Key { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<RetentionFixture> OpenAsync(IStoreProvider provider) => new(provider, await provider.OpenAsync(Token));

    /// <summary>Appends an ended exchange (intent and outcome, both with a body) started now.</summary>
    public async Task ExchangeAsync(string id, string subject = "alice", string connection = "openai")
    {
        var now = Time.GetUtcNow();
        await Store.AppendAsync(
        [
            AuditEntryCodec.ForIntent(Exchanges.Intent(id, subject, connection: connection) with { StartedAt = now }, now),
            AuditEntryCodec.ForOutcome(Exchanges.Outcome(id) with { CompletedAt = now }, now),
        ], Token);
    }

    public Task PlaceHoldAsync(string id, LegalHoldTarget target, string value) =>
        Retention.PlaceHoldAsync(new LegalHold(id, target, value, "matter 42", "counsel", Time.GetUtcNow(), null, null), Token);

    public Task<RetentionReport> RunAsync(bool dryRun = false, int batchSize = 500, params ConnectionRetention[] connections) =>
        Runner.RunAsync(new RetentionPlan(connections, batchSize), dryRun, Token);

    public Task<AuditVerification> VerifyAsync() => new AuditVerifier(Store, Key).VerifyAsync(Token);

    public async Task<List<Gatehouse.Audit.Chain.AuditEntry>> EntriesAsync()
    {
        var entries = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in Store.ReadAllAsync(Token))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose()
    {
        _signer.Dispose();
        Key.Dispose();
    }
}
