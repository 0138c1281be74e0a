using System.Security.Cryptography;

namespace Gatehouse.Masking.Redaction;

/// <summary>
/// The SHA-256 states of an HMAC key after its ipad and its opad block: every HMAC under the key starts from them, so
/// they are computed once instead of once per value.
/// </summary>
internal sealed class HmacMidstate
{
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    private readonly uint[] _inner;
    private readonly uint[] _outer;

    private HmacMidstate(uint[] inner, uint[] outer)
    {
        _inner = inner;
        _outer = outer;
    }

    /// <summary>The state after the key XOR ipad block: where the hash of the message starts.</summary>
    public ReadOnlySpan<uint> Inner => _inner;

    /// <summary>The state after the key XOR opad block: where the hash of the inner digest starts.</summary>
    public ReadOnlySpan<uint> Outer => _outer;

    public static HmacMidstate Create(ReadOnlySpan<byte> key)
    {
        // RFC 2104: a key longer than the block is replaced by its hash; a shorter one is padded with zeros.
        Span<byte> block = stackalloc byte[Sha256Block.BlockBytes];
        try
        {
            block.Clear();
            if (key.Length > Sha256Block.BlockBytes)
            {
                SHA256.HashData(key, block);
            }
            else
            {
                key.CopyTo(block);
            }

            return new HmacMidstate(PadAndCompress(block, InnerPad), PadAndCompress(block, OuterPad));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }

    private static uint[] PadAndCompress(ReadOnlySpan<byte> key, byte pad)
    {
        Span<byte> padded = stackalloc byte[Sha256Block.BlockBytes];
        try
        {
            for (var i = 0; i < padded.Length; i++)
            {
                padded[i] = (byte)(key[i] ^ pad);
            }

            var state = Sha256Block.InitialState.ToArray();
            Sha256Block.Compress(state, padded);
            return state;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }
    }
}
