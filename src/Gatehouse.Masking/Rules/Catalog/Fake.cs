namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>
/// Builds obviously fake values in a format's alphabet (documentation and test corpus): they satisfy the format but
/// are recognisable sequences, never credentials of a real account.
/// </summary>
internal static class Fake
{
    private const string AlnumChars = "EXAMPLE0123456789abcdefghijklmnopqrstuvwxyzABCDFGHIJKNOQRSTUVWYZ";

    public static string Alnum(int length) => Cycle(AlnumChars, length);

    public static string Hex(int length) => Cycle("0123456789abcdef", length);

    public static string UpperHex(int length) => Cycle("0123456789ABCDEF", length);

    public static string Lower(int length) => Cycle("exampleabcdfghijknoqrstuvwyz", length);

    public static string LowerAlnum(int length) => Cycle("example0123456789bcdfghijknoqrstuvwyz", length);

    public static string Upper(int length) => Cycle("EXAMPLEBCDFGHIJKNOQRSTUVWYZ", length);

    public static string UpperAlnum(int length) => Cycle("EXAMPLE0123456789BCDFGHIJKNOQRSTUVWYZ", length);

    public static string Letters(int length) => Cycle("EXAMPLEexampleBCDFGHbcdfgh", length);

    public static string Digits(int length) => Cycle("0123456789", length);

    public static string Base64(int length) => Cycle(AlnumChars + "+/", length);

    public static string UrlSafe(int length) => Cycle(AlnumChars + "-_", length);

    public static string From(string alphabet, int length) => Cycle(alphabet, length);

    private static string Cycle(string alphabet, int length) =>
        string.Create(length, alphabet, static (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[i % a.Length];
            }
        });
}
