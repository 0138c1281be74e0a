using System.Buffers.Binary;
using System.Security.Cryptography;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Proofs;

public sealed class CanonicalEncodingTests
{
    [Fact]
    public void Encode_AnyEntry_HashesToItsEntryHash()
    {
        var entries = Gen.Select(Gen.Long[1, long.MaxValue], Gen.String, Gen.Int.Nullable(), Gen.String.Null(), Gen.Byte.Array[0, 2000])
            .Select((seq, id, status, subject, payload) => AuditChain.Seal(
                new AuditEntryDraft(AuditEntryKinds.Intent, id, DateTimeOffset.UnixEpoch, new AuditIndex { Status = status, Subject = subject }, payload, null, null),
                seq,
                new byte[AuditChain.HashSize]));

        entries.ForAll(entry => Assert.Equal(entry.Hash, SHA256.HashData(AuditChain.Encode(entry))), iter: 200);
    }

    [Fact]
    public void EncodeUnsequenced_AnyDraftSequenceAndPrevious_CompletesToTheEncodingSealHashes()
    {
        // What a store completes in the database: prefix, 8-byte big-endian sequence, the unsequenced bytes, previous hash.
        var cases = Gen.Select(
            Gen.Select(Gen.Long[1, long.MaxValue], Gen.String, Gen.Int.Nullable(), Gen.String.Null(), Gen.String.Null()),
            Gen.Select(Gen.Byte.Array[0, 3000], Gen.Byte.Array[32].Null(), Gen.Byte.Array[32], Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks]));

        cases.ForAll((head, rest) =>
        {
            var (seq, id, status, subject, decision) = head;
            var (payload, bodyHash, previous, ticks) = rest;
            var draft = new AuditEntryDraft(AuditEntryKinds.Outcome, id, new DateTimeOffset(ticks, TimeSpan.Zero),
                new AuditIndex { Status = status, Subject = subject, Decision = decision, Email = subject, Model = id },
                payload, null, bodyHash);
            var sequence = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(sequence, seq);

            byte[] completed = [.. AuditChain.EncodingPrefix, .. sequence, .. AuditChain.EncodeUnsequenced(draft), .. previous];

            var sealedEntry = AuditChain.Seal(draft, seq, previous);
            Assert.Equal(AuditChain.Encode(sealedEntry), completed);
            Assert.Equal(sealedEntry.Hash, SHA256.HashData(completed));
        }, iter: 200);
    }
}
