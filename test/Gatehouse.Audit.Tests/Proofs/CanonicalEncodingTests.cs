using System.Security.Cryptography;
using CsCheck;
using Gatehouse.Audit.Chain;

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

        entries.Sample(entry => Assert.Equal(entry.Hash, SHA256.HashData(AuditChain.Encode(entry))), iter: 200);
    }
}
