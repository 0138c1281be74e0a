using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>The SHA-256 of a presented token: what the token cache is keyed by, so that it never holds the token.</summary>
internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    private const int StackLimit = 4096;

    public static TokenHash Of(string token)
    {
        var max = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..length], hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenHash(words[0], words[1], words[2], words[3]);
        }
        finally
        {
            // The buffer held the token's bytes; a pooled array is handed to other code next.
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the hash as 64 hexadecimal digits, in the byte order SHA-256 produced it.</summary>
    public override string ToString()
    {
        Span<ulong> words = [A, B, C, D];
        return Convert.ToHexStringLower(MemoryMarshal.AsBytes(words));
    }
}
