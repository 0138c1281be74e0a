using CsCheck;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Tests.Fakes;
using Gatehouse.Audit.Verification;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Audit.Tests.Verification;

public sealed class TombstonePropertyTests : IDisposable
{
    private readonly CheckpointSigner _signer;
    private readonly CheckpointVerifier _verifier;

    public TombstonePropertyTests()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        _verifier = CheckpointVerifier.FromPem(publicPem);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    [Fact]
    public void Verify_AnyTombstonesUnderACheckpoint_IntactUntilAnyTombstoneHashChanges()
    {
        var cases = Gen.Int[2, 24].SelectMany(n => Gen.Select(
            Gen.Bool.Array[n], Gen.Int[0, n - 1], Gen.Int[0, 255], Gen.Bool, (mask, pick, bit, hide) => (n, mask, pick, bit, hide)));
        cases.ForAll(c =>
        {
            var store = SignedLog(c.n);
            var tombstones = Enumerable.Range(1, c.n).Where(s => c.mask[s - 1]).ToList();
            if (tombstones.Count == 0)
            {
                tombstones.Add(c.pick + 1);
            }

            tombstones.ForEach(s => store.Tombstone(s));
            var intact = Verify(store);

            var target = tombstones[c.pick % tombstones.Count];
            store.Edit(target, e => e with { Hash = Flip(e.Hash, c.bit) });
            if (c.hide && target < c.n)
            {
                // Hide the change from the chain too, as someone rewriting the rows would.
                store.Edit(target + 1, e => e with { PrevHash = store.Log.Entries[target - 1].Hash });
            }

            var tampered = Verify(store);
            return intact.IsIntact && !tampered.IsIntact && tampered.FirstBadSequence <= target + 1;
        }, iter: 80);
    }

    private AuditVerification Verify(MemoryCheckpointStore store) =>
        new AuditVerifier(store, _verifier).VerifyAsync(Token).GetAwaiter().GetResult();

    private MemoryCheckpointStore SignedLog(int entries)
    {
        var store = new MemoryCheckpointStore(new MemoryAuditStore());
        for (var i = 1; i <= entries; i++)
        {
            var at = Exchanges.Start.AddMinutes(i);
            store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), at)], Token).GetAwaiter().GetResult();
        }

        var writer = new CheckpointWriter(store, _signer, new FakeTimeProvider(Exchanges.Start.AddHours(1)), new CheckpointWriterOptions());
        writer.WriteAsync(Token).GetAwaiter().GetResult();
        return store;
    }

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
