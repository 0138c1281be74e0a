using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Control.Console.KeyRing;

/// <summary>
/// Encrypts the console's key ring elements at rest with a key derived from <c>console.keyRingKey</c>: AES-256-GCM,
/// the element's stored name as associated data, so a row's content cannot be moved under another name.
/// </summary>
/// <remarks>
/// Layout: <c>"GHK1"</c>, a 12-byte nonce, the 16-byte tag, then the ciphertext. The AES key is HKDF-SHA256 of the
/// configured secret, so a secret of any length (at least 16 bytes) gives a full-strength key and is never used as is.
/// </remarks>
internal sealed class KeyRingCipher
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Info = "gatehouse console key ring v1"u8.ToArray();
    private readonly byte[] _key;

    public KeyRingCipher(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Info);
    }

    /// <summary>Gets the prefix every encrypted element starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "GHK1"u8;

    /// <summary>Returns whether <paramref name="content"/> is an encrypted element (rather than plain XML).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> content) => content.StartsWith(Magic);

    public byte[] Seal(string name, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[Magic.Length + NonceBytes + TagBytes + plaintext.Length];
        Magic.CopyTo(sealedBytes);
        var nonce = sealedBytes.AsSpan(Magic.Length, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(Magic.Length + NonceBytes + TagBytes),
            sealedBytes.AsSpan(Magic.Length + NonceBytes, TagBytes),
            Encoding.UTF8.GetBytes(name));
        return sealedBytes;
    }

    /// <summary>Decrypts <paramref name="sealedBytes"/>; null when it is not this key's (another key, or altered).</summary>
    public byte[]? Open(string name, ReadOnlySpan<byte> sealedBytes)
    {
        if (!IsSealed(sealedBytes) || sealedBytes.Length < Magic.Length + NonceBytes + TagBytes)
        {
            return null;
        }

        var ciphertext = sealedBytes[(Magic.Length + NonceBytes + TagBytes)..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(_key, TagBytes);
        try
        {
            aes.Decrypt(
                sealedBytes.Slice(Magic.Length, NonceBytes),
                ciphertext,
                sealedBytes.Slice(Magic.Length + NonceBytes, TagBytes),
                plaintext,
                Encoding.UTF8.GetBytes(name));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
