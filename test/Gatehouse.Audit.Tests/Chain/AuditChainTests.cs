using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Chain;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static readonly AuditEntryDraft Draft = new(
        AuditEntryKinds.Intent,
        "ex-1",
        Time,
        new AuditIndex { Subject = "alice", Email = "a@example.com", Connection = "openai", Model = "m", Status = 200, Decision = "allow" },
        Encoding.UTF8.GetBytes("{\"method\":\"POST\"}"),
        Encoding.UTF8.GetBytes("hello"),
        SHA256.HashData(Encoding.UTF8.GetBytes("hello")));

    private static readonly byte[] Prev = SHA256.HashData("prev"u8);

    public static TheoryData<string> Mutations => [.. MutationTable.Keys];

    private static readonly Dictionary<string, Func<AuditEntry, AuditEntry>> MutationTable = new()
    {
        ["sequence"] = e => e with { Sequence = e.Sequence + 1 },
        ["kind"] = e => e with { Kind = AuditEntryKinds.Outcome },
        ["exchange id"] = e => e with { ExchangeId = "ex-2" },
        ["time"] = e => e with { Time = e.Time.AddTicks(1) },
        ["subject"] = e => e with { Index = e.Index with { Subject = "mallory" } },
        ["email"] = e => e with { Index = e.Index with { Email = null } },
        ["connection"] = e => e with { Index = e.Index with { Connection = "other" } },
        ["model"] = e => e with { Index = e.Index with { Model = "n" } },
        ["status"] = e => e with { Index = e.Index with { Status = 201 } },
        ["decision"] = e => e with { Index = e.Index with { Decision = "deny" } },
        ["payload"] = e => e with { Payload = Encoding.UTF8.GetBytes("{\"method\":\"GET\"}") },
        ["body hash"] = e => e with { BodyHash = SHA256.HashData("other"u8) },
        ["body hash removed"] = e => e with { BodyHash = null },
        ["prev hash"] = e => e with { PrevHash = new byte[32] },
    };

    [Fact]
    public void Seal_SameDraftTwice_GivesSameHash()
    {
        var first = AuditChain.Seal(Draft, 7, Prev);
        var second = AuditChain.Seal(Draft with { }, 7, Prev.ToArray());

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(32, first.Hash.Length);
        Assert.Equal(first.Hash, AuditChain.ComputeHash(first));
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void ComputeHash_AnyHashedFieldChanged_ChangesHash(string field)
    {
        var entry = AuditChain.Seal(Draft, 7, Prev);

        var changed = MutationTable[field](entry);

        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(changed));
    }

    [Fact]
    public void ComputeHash_BodyRemovedButHashKept_KeepsHash()
    {
        var entry = AuditChain.Seal(Draft, 7, Prev);

        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry with { Body = null }));
    }

    [Fact]
    public void ComputeHash_TextMovedAcrossFieldBoundary_ChangesHash()
    {
        var entry = AuditChain.Seal(Draft with { Index = new AuditIndex { Subject = "ab", Email = "c" } }, 1, Prev);

        var shifted = entry with { Index = new AuditIndex { Subject = "a", Email = "bc" } };

        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(shifted));
    }

    [Fact]
    public void ComputeHash_EmptyAndAbsentOptionalFields_Differ()
    {
        var absent = AuditChain.Seal(Draft with { Index = AuditIndex.Empty }, 1, Prev);

        var empty = absent with { Index = new AuditIndex { Subject = string.Empty } };

        Assert.NotEqual(absent.Hash, AuditChain.ComputeHash(empty));
    }

    [Fact]
    public void ComputeHash_LargePayload_IsHashedWhole()
    {
        var payload = new byte[64 * 1024];
        var entry = AuditChain.Seal(Draft with { Payload = payload }, 1, Prev);
        var edited = (byte[])payload.Clone();
        edited[^1] = 1;

        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(entry with { Payload = edited }));
    }

    [Fact]
    public void ComputeHash_AnySingleByteOfPayloadFlipped_ChangesHash()
    {
        Gen.Byte.Array[1, 2000].SelectMany(p => Gen.Int[0, p.Length - 1].Select(i => (p, i)))
            .ForAll((payload, index) =>
            {
                var entry = AuditChain.Seal(Draft with { Payload = payload }, 3, Prev);
                var flipped = (byte[])payload.Clone();
                flipped[index] ^= 0x01;
                return !AuditChain.ComputeHash(entry with { Payload = flipped }).SequenceEqual(entry.Hash);
            });
    }

    [Fact]
    public void ComputeHash_AnyTwoDifferentIndexes_HashDifferently()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 0, 4].Null();
        var index = Gen.Select(text, text, text, text, Gen.Int[0, 3].Nullable(), text, (s, e, c, m, st, d) =>
            new AuditIndex { Subject = s, Email = e, Connection = c, Model = m, Status = st, Decision = d });

        Gen.Select(index, index).Where((a, b) => a != b).ForAll((a, b) =>
        {
            var entry = AuditChain.Seal(Draft with { Index = a }, 1, Prev);
            return !AuditChain.ComputeHash(entry with { Index = b }).SequenceEqual(entry.Hash);
        });
    }

    [Fact]
    public void GenesisHash_IsThirtyTwoZeroBytes()
    {
        Assert.Equal(new byte[32], AuditChain.GenesisHash.ToArray());
    }
}
