using System.Text;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Tests.Fakes;
using Gatehouse.Audit.Verification;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Verification;

public sealed class AuditVerifierTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_EmptyLog_IsIntact()
    {
        var result = await new AuditVerifier(new MemoryAuditStore()).VerifyAsync(Token);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntactAndCountsEverything()
    {
        var store = await LogOf(6);

        var result = await new AuditVerifier(store).VerifyAsync(Token);

        Assert.True(result.IsIntact);
        Assert.Equal(6, result.EntriesChecked);
        Assert.Equal(6, result.BodiesChecked);
        Assert.Equal(6, result.Head?.Sequence);
    }

    [Fact]
    public async Task Verify_EntriesCommittedAfterTheHeadWasRead_IsIntactAndChecksThemToo()
    {
        // A live gateway: the head was read at entry 6; entries 7 and 8 were committed while the log streamed, and
        // 9 and 10 after the stream ended but before the head was read again.
        var store = await LogOf(8);
        var finalHead = new AuditHead(10, new byte[32]);
        store.Head = new AuditHead(6, store.Entries[5].Hash);

        var result = await new AuditVerifier(new HeadMovesStore(store, finalHead)).VerifyAsync(Token);

        Assert.True(result.IsIntact, result.Problem.ToString());
        Assert.Equal(8, result.EntriesChecked);
    }

    [Fact]
    public async Task Verify_HeadHashDiffersFromItsEntry_NamesTheHeadEntry()
    {
        var store = await LogOf(8);
        var finalHead = store.Head!;
        store.Head = new AuditHead(6, store.Entries[4].Hash);

        var result = await new AuditVerifier(new HeadMovesStore(store, finalHead)).VerifyAsync(Token);

        Assert.Equal(AuditProblem.HeadMismatch, result.Problem);
        Assert.Equal(6, result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_BodiesRemovedByRetention_StillIntact()
    {
        var store = await LogOf(4);
        store.Entries[1] = store.Entries[1] with { Body = null };
        store.Entries[2] = store.Entries[2] with { Body = null };

        var result = await new AuditVerifier(store).VerifyAsync(Token);

        Assert.True(result.IsIntact);
        Assert.Equal(2, result.BodiesRemoved);
        Assert.Equal(2, result.BodiesChecked);
    }

    [Fact]
    public async Task Verify_LogSpanningManyReadChunks_NamesEditDeepInside()
    {
        var store = await LogOf(5000);
        store.Entries[4321] = store.Entries[4321] with { Index = AuditIndex.Empty };

        var result = await new AuditVerifier(store).VerifyAsync(Token);

        Assert.Equal((4322L, AuditProblem.Edited), (result.FirstBadSequence!.Value, result.Problem));
        Assert.Equal(4321, result.EntriesChecked);
    }

    [Fact]
    public async Task Verify_StoreFailsWhileReading_ThrowsTheStoreError()
    {
        var store = await LogOf(3000);
        store.FailReadAfter = 2500;

        var error = await Assert.ThrowsAsync<IOException>(() => new AuditVerifier(store).VerifyAsync(Token));

        Assert.Equal("simulated read failure", error.Message);
    }

    [Fact]
    public async Task Verify_HeadMissingWithEntries_ReportsHeadMismatchAtOne()
    {
        var store = await LogOf(3);
        store.Head = null;

        var result = await new AuditVerifier(store).VerifyAsync(Token);

        Assert.Equal((1L, AuditProblem.HeadMismatch), (result.FirstBadSequence!.Value, result.Problem));
    }

    [Theory]
    [InlineData("payload", AuditProblem.Edited, 0)]
    [InlineData("body", AuditProblem.BodyMismatch, 0)]
    [InlineData("delete", AuditProblem.Missing, 0)]
    [InlineData("duplicate", AuditProblem.OutOfOrder, 1)]
    [InlineData("relink", AuditProblem.ChainBroken, 0)]
    [InlineData("truncate", AuditProblem.HeadMismatch, 0)]
    [InlineData("append", AuditProblem.HeadMismatch, 1)]
    public void Verify_AnyTamperingAnywhere_NamesTheFirstBadSequence(string tampering, AuditProblem problem, int offset)
    {
        Gen.Int[2, 30].SelectMany(n => Gen.Int[1, n - 1].Select(k => (n, k))).ForAll((n, k) =>
        {
            var store = LogOf(n).GetAwaiter().GetResult();
            var expected = Tamper(store, tampering, k) + offset;

            var result = new AuditVerifier(store).VerifyAsync(Token).GetAwaiter().GetResult();

            return result.Problem == problem && result.FirstBadSequence == expected;
        }, iter: 60);
    }

    // Applies the tampering at sequence k (1-based, k < n) and returns the sequence a verifier must name.
    private static long Tamper(MemoryAuditStore store, string tampering, int k)
    {
        var entries = store.Entries;
        var at = entries[k - 1];
        switch (tampering)
        {
            case "payload":
                entries[k - 1] = at with { Payload = Encoding.UTF8.GetBytes("{\"edited\":true}") };
                return k;
            case "body":
                entries[k - 1] = at with { Body = Encoding.UTF8.GetBytes("rewritten prompt") };
                return k;
            case "delete":
                entries.RemoveAt(k - 1);
                return k;
            case "duplicate":
                entries.Insert(k, at);
                return k;
            case "relink":
                // A forger re-seals entry k over a different previous hash: its own hash holds, its link does not.
                var forged = AuditChain.Seal(Draft(at), k, Enumerable.Repeat((byte)0xAB, AuditChain.HashSize).ToArray());
                entries[k - 1] = forged;
                return k;
            case "truncate":
                entries.RemoveRange(k, entries.Count - k);
                return k + 1;
            case "append":
                var extra = AuditChain.Seal(Draft(entries[^1]), entries.Count + 1, entries[^1].Hash);
                entries.Add(extra);
                return entries.Count - 1;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering));
        }
    }

    private static AuditEntryDraft Draft(AuditEntry entry) =>
        new(entry.Kind, entry.ExchangeId, entry.Time, entry.Index, entry.Payload, entry.Body, entry.BodyHash);

    private static async Task<MemoryAuditStore> LogOf(int count)
    {
        var store = new MemoryAuditStore();
        var drafts = Enumerable.Range(1, count)
            .Select(i => i % 2 == 1
                ? AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), Exchanges.Start.AddSeconds(i))
                : AuditEntryCodec.ForOutcome(Exchanges.Outcome($"ex-{i - 1}"), Exchanges.Start.AddSeconds(i)))
            .ToList();
        await store.AppendAsync(drafts, CancellationToken.None);
        return store;
    }
}
