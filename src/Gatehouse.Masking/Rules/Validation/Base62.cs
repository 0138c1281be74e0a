namespace Gatehouse.Masking.Rules.Validation;

/// <summary>Base62 with the alphabet 0-9A-Za-z, as used by checksummed token formats.</summary>
internal static class Base62
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Encode(uint value, int width)
    {
        Span<char> digits = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }

    public static bool TryDecode(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 62) + (ulong)digit;
        }

        return true;
    }
}
