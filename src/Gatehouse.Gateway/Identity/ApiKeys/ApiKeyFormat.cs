using System.Buffers.Text;
using System.Security.Cryptography;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>
/// The API key text format, <c>gk_{id}_{secret}</c>, and the hash stored for the secret; agent enrollment tokens use the
/// same format and hash with their own prefix (<c>gat_</c>), so a token is never mistaken for a key.
/// </summary>
/// <remarks>
/// The id is 12 random lowercase base32 characters (60 bits, enough to look a key up without collisions); the secret
/// is 32 random bytes in base64url. Only SHA-256 of the secret bytes is stored: the secret has full entropy, so a
/// slow password hash would add cost on every request and no protection.
/// </remarks>
internal static class ApiKeyFormat
{
    /// <summary>The number of characters in a key id.</summary>
    public const int IdLength = 12;

    /// <summary>The number of random bytes in a key secret.</summary>
    public const int SecretBytes = 32;

    /// <summary>The prefix of API keys.</summary>
    public const string KeyPrefix = "gk_";

    /// <summary>The prefix of agent enrollment tokens.</summary>
    public const string AgentTokenPrefix = "gat_";

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly int SecretChars = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>Creates a new random key id.</summary>
    public static string NewId() => new(RandomNumberGenerator.GetItems<char>(IdAlphabet, IdLength));

    /// <summary>Formats the key text a client presents.</summary>
    public static string Format(string id, ReadOnlySpan<byte> secret) => Format(KeyPrefix, id, secret);

    /// <summary>Formats the text of a secret with <paramref name="prefix"/> (<see cref="KeyPrefix"/> or <see cref="AgentTokenPrefix"/>).</summary>
    public static string Format(string prefix, string id, ReadOnlySpan<byte> secret) => $"{prefix}{id}_{Base64Url.EncodeToString(secret)}";

    /// <summary>Hashes a secret for storage and comparison.</summary>
    public static byte[] HashSecret(ReadOnlySpan<byte> secret) => SHA256.HashData(secret);

    /// <summary>Splits key text into its id and the hash of its secret; false when the text is not a well-formed key.</summary>
    public static bool TryParse(string text, out string id, out byte[] secretHash) => TryParse(text, KeyPrefix, out id, out secretHash);

    /// <summary>Splits text of the format with <paramref name="prefix"/> into its id and the hash of its secret.</summary>
    public static bool TryParse(string text, string prefix, out string id, out byte[] secretHash)
    {
        id = "";
        secretHash = [];
        var length = prefix.Length + IdLength + 1 + SecretChars;
        if (text.Length != length || !text.StartsWith(prefix, StringComparison.Ordinal) || text[prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idPart = text.AsSpan(prefix.Length, IdLength);
        if (idPart.ContainsAnyExcept(IdAlphabet))
        {
            return false;
        }

        Span<byte> secret = stackalloc byte[SecretBytes];
        if (!Base64Url.TryDecodeFromChars(text.AsSpan(length - SecretChars), secret, out var written) || written != SecretBytes)
        {
            return false;
        }

        id = idPart.ToString();
        secretHash = HashSecret(secret);
        CryptographicOperations.ZeroMemory(secret);
        return true;
    }
}
