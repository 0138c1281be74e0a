using System.Buffers.Binary;
using System.Security.Cryptography;
using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class Sha256BlockTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(55)]
    public void Compress_OnePaddedBlockFromTheInitialState_EqualsSha256(int length)
    {
        var message = Hmac.Bytes(Hmac.Inputs(), length);
        var block = new byte[Sha256Block.BlockBytes];
        message.CopyTo(block, 0);
        block[length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(block.AsSpan(56), (ulong)length * 8);
        var state = Sha256Block.InitialState.ToArray();

        Sha256Block.Compress(state, block);

        var digest = new byte[32];
        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), state[i]);
        }

        Assert.Equal(SHA256.HashData(message), digest);
    }
}
