using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Retention;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

/// <summary>A store, a checkpoint key and a runner whose clock starts at <see cref="Exchanges.Start"/>.</summary>
internal sealed class RetentionFixture : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private readonly CheckpointSigner _signer;

    public RetentionFixture()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        Key = CheckpointVerifier.FromPem(publicPem);
        Store = _database.Open();
        Retention = new SqliteRetentionStore(Store);
        Runner = new RetentionRunner(Retention, new CheckpointWriter(Retention, _signer, Time, new CheckpointWriterOptions()), Time);
    }

    public FakeTimeProvider Time { get; } = new(Exchanges.Start);

    public TempDatabase Database => _database;

    public SqliteStore Store { get; }

    public SqliteRetentionStore Retention { get; }

    public RetentionRunner Runner { get; }

    public CheckpointVerifier Key { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Appends an ended exchange (intent and outcome, both with a body) started now.</summary>
    public async Task ExchangeAsync(string id, string subject = "alice", string connection = "openai")
    {
        var now = Time.GetUtcNow();
        await Store.AppendAsync(
        [
            AuditEntryCodec.ForIntent(Exchanges.Intent(id, subject, connection) with { StartedAt = now }, now),
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

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _signer.Dispose();
        Key.Dispose();
        _database.Dispose();
    }
}
