using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Audit.Tests.Checkpoints;

/// <summary>A checkpoint signed under a lease is stored only while that holding is the lease's; a stale one is refused whole.</summary>
public sealed class CheckpointWriterFenceTests : IDisposable
{
    private readonly MemoryCheckpointStore _store = new(new MemoryAuditStore());
    private readonly FakeTimeProvider _time = new(Exchanges.Start.AddHours(1));
    private readonly CheckpointSigner _signer;

    public CheckpointWriterFenceTests() => _signer = CheckpointSigner.FromPem(CheckpointKeys.Generate().PrivateKeyPem);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task Write_UnderTheHolding_Stored_UnderAStaleHolding_ThrowsAndStoresNothing()
    {
        var folder = Directory.CreateTempSubdirectory("gatehouse-fence-").FullName;
        try
        {
            var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions { Directory = folder });
            await AppendAsync("ex-1");
            _store.Fence = new CheckpointFence("job:signing", "replica-a", 1);
            var stored = await writer.WriteAsync(_store.Fence, Token);

            await AppendAsync("ex-2");
            _store.Fence = new CheckpointFence("job:signing", "replica-b", 2);
            var stale = await Assert.ThrowsAsync<CheckpointFencedException>(
                () => writer.WriteAsync(new CheckpointFence("job:signing", "replica-a", 1), Token));

            Assert.Equal(2, stored.TreeSize);
            Assert.Equal([stored], _store.Checkpoints);
            Assert.Same(stored, writer.Last);
            Assert.Single(Directory.GetFiles(folder));
            Assert.Contains("job:signing", stale.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task AppendAsync(string id) => _store.AppendAsync(
        [AuditEntryCodec.ForIntent(Exchanges.Intent(id), _time.GetUtcNow()), AuditEntryCodec.ForOutcome(Exchanges.Outcome(id), _time.GetUtcNow())], Token);
}
