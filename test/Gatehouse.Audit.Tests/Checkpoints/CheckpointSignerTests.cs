using System.Security.Cryptography;
using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Tests.Checkpoints;

public sealed class CheckpointSignerTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 11, 25, 9, 30, 15, 250, TimeSpan.Zero);
    private static readonly byte[] Root = SHA256.HashData("root"u8);

    private readonly CheckpointSigner _signer;
    private readonly CheckpointVerifier _verifier;

    public CheckpointSignerTests()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        _verifier = CheckpointVerifier.FromPem(publicPem);
    }

    public static TheoryData<string> Mutations => [.. MutationTable.Keys];

    private static readonly Dictionary<string, Func<Checkpoint, Checkpoint>> MutationTable = new()
    {
        ["tree size"] = c => c with { TreeSize = c.TreeSize + 1 },
        ["root bit"] = c => c with { RootHash = Flip(c.RootHash, 77) },
        ["root truncated"] = c => c with { RootHash = c.RootHash[..31] },
        ["time"] = c => c with { Time = c.Time.AddSeconds(1) },
        ["sub-second time"] = c => c with { Time = c.Time.AddMilliseconds(1) },
        ["key id"] = c => c with { KeyId = "0000000000000000" },
        ["signature bit"] = c => c with { Signature = Flip(c.Signature, 5) },
        ["signature empty"] = c => c with { Signature = [] },
    };

    [Fact]
    public void Sign_ThenVerifyWithPublicKey_Accepted()
    {
        var checkpoint = _signer.Sign(42, Root, Time);

        Assert.True(_verifier.Verify(checkpoint));
        Assert.Equal(_signer.KeyId, checkpoint.KeyId);
        Assert.Equal(_verifier.KeyId, checkpoint.KeyId);
        Assert.Matches("^[0-9a-f]{16}$", checkpoint.KeyId);
        Assert.Equal(Time.ToUnixTimeSeconds(), checkpoint.Time.ToUnixTimeSeconds());
        Assert.Equal(0, checkpoint.Time.Millisecond);
    }

    [Fact]
    public void SignedText_IsDomainSeparatedLinesOfSizeRootAndTime()
    {
        var checkpoint = _signer.Sign(42, Root, Time);

        var expected = $"gatehouse/audit-checkpoint/v1\n42\n{Convert.ToBase64String(Root)}\n{Time.ToUnixTimeSeconds()}\n";
        Assert.Equal(expected, checkpoint.SignedText);
        Assert.StartsWith(expected + "\n\u2014 " + checkpoint.KeyId + " ", CheckpointText.FormatNote(checkpoint), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Verify_AnyFieldChanged_Refused(string field)
    {
        var checkpoint = _signer.Sign(42, Root, Time);

        Assert.False(_verifier.Verify(MutationTable[field](checkpoint)));
    }

    [Fact]
    public void Verify_OtherKeysPublicKey_Refused()
    {
        using var other = CheckpointVerifier.FromPem(CheckpointKeys.Generate().PublicKeyPem);

        Assert.False(other.Verify(_signer.Sign(42, Root, Time)));
        Assert.NotEqual(other.KeyId, _signer.KeyId);
    }

    [Fact]
    public void FromPem_OtherCurveOrNoKey_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<CryptographicException>(() => CheckpointSigner.FromPem(p384.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<ArgumentException>(() => CheckpointVerifier.FromPem("not a key"));
    }

    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = bytes.ToArray();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
