namespace Gatehouse.Masking.Rules.Validation;

/// <summary>
/// Validates GitHub's checksummed tokens: a 4-character prefix, 30 base62 characters of entropy, then the CRC-32 of the
/// entropy part in 6 base62 characters.
/// </summary>
internal static class GitHubChecksum
{
    private const int PrefixLength = 4;
    private const int ChecksumLength = 6;

    public static bool IsValid(ReadOnlySpan<char> token)
    {
        if (token.Length != PrefixLength + 30 + ChecksumLength)
        {
            return false;
        }

        var entropy = token[PrefixLength..^ChecksumLength];
        return Base62.TryDecode(token[^ChecksumLength..], out var expected) && Crc32.Compute(entropy) == expected;
    }

    /// <summary>Builds a token with a valid checksum from a prefix such as <c>ghp_</c> and 30 characters.</summary>
    public static string Build(string prefix, string entropy) =>
        prefix + entropy + Base62.Encode(Crc32.Compute(entropy), ChecksumLength);
}
