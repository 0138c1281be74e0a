using System.Buffers;

namespace Gatehouse.Masking.Tests.Precision;

/// <summary>A BEGIN line is a key only when a base64 body follows it, whole text or streamed at any offset.</summary>
public sealed class PemMentionTests
{
    private const string KeyLine = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7EXAMPLEEXAMPLE\n";

    private const string PemFunction =
        "function toPkcs8(pkcs8) {\n" +
        "  if (pkcs8.indexOf(\"-----BEGIN PRIVATE KEY-----\") !== 0) throw new Error(\"not a PKCS#8 key\");\n" +
        "  const body = pkcs8.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, \"\").replace(/\\s+/g, \"\");\n" +
        "  return Buffer.from(body, \"base64\");\n" +
        "}\n";

    private static readonly MaskingEngine Engine = TestEngines.Everything;

    public static TheoryData<string> Mentions() =>
    [
        PemFunction,
        "const header = '-----BEGIN OPENSSH PRIVATE KEY-----';\nconst footer = '-----END OPENSSH PRIVATE KEY-----';\n",
        "pem = f\"-----BEGIN EC PRIVATE KEY-----\\n{body}\\n-----END EC PRIVATE KEY-----\"\nreturn pem\n",
        "const pem = `-----BEGIN PRIVATE KEY-----\\n${base64}\\n-----END PRIVATE KEY-----`;",
        "if strings.HasPrefix(s, \"-----BEGIN RSA PRIVATE KEY-----\") {\n\treturn parsePKCS1(s)\n}\n",
        "Paste your key, which starts with -----BEGIN PRIVATE KEY----- and ends with its END line.",
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----",
    ];

    public static TheoryData<string, string> Keys() =>
    [
        ("-----BEGIN RSA PRIVATE KEY-----\n" + KeyLine + KeyLine + "-----END RSA PRIVATE KEY-----", "[MASKED:rsa-private-key]"),
        ("-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\r\n\r\n" + KeyLine + "-----END RSA PRIVATE KEY-----", "[MASKED:rsa-private-key]"),
        ("-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF0example4kQh7Zq8vRk2Lm9Tx4Wp7\n-----END PGP PRIVATE KEY BLOCK-----", "[MASKED:pgp-private-key]"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----", "[MASKED:openssh-private-key]"),
        ("key: \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\"", "key: \"[MASKED:private-key]\""),
        ("  private_key: |\n    -----BEGIN EC PRIVATE KEY-----\n    MHcCAQEEIBkq3Zq8vRk2Lm9Tx4Wp7Yb3NoAoGCCqGSM49AwEHoUQDQgAE\n    -----END EC PRIVATE KEY-----\n", "  private_key: |\n    [MASKED:ec-private-key]\n"),
    ];

    [Theory]
    [MemberData(nameof(Mentions))]
    public void MentionOfAHeader_IsNotAKey_WholeOrSplitAtEveryOffset(string text)
    {
        Assert.Empty(Engine.Scan(text));
        for (var cut = 0; cut <= text.Length; cut++)
        {
            Assert.Equal(text, Stream(text[..cut], text[cut..]));
        }

        Assert.Equal(text, Stream([.. text.Select(c => c.ToString())]));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void RealKey_IsMaskedWholeAndNothingAfterItsEnd_WholeOrSplitAtEveryOffset(string key, string masked)
    {
        var text = "before\n" + key + "\n" + PemFunction;
        var expected = "before\n" + masked + "\n" + PemFunction;

        Assert.Equal(expected, Engine.Mask(text).MaskedText);
        for (var cut = 0; cut <= text.Length; cut++)
        {
            Assert.Equal(expected, Stream(text[..cut], text[cut..]));
        }

        Assert.Equal(expected, Stream([.. text.Select(c => c.ToString())]));
    }

    [Fact]
    public void RealKey_Streamed_IsDecidedWithinAShortWindowOfItsHeader()
    {
        using var redactor = Engine.CreateStreamingRedactor();
        var output = new ArrayBufferWriter<char>();
        foreach (var c in "-----BEGIN RSA PRIVATE KEY-----\n" + KeyLine + KeyLine + KeyLine)
        {
            redactor.Push([c], output);
        }

        Assert.Equal("[MASKED:rsa-private-key]", output.WrittenSpan.ToString());
        Assert.InRange(redactor.MaxHoldback, 1, 31 + 1 + 64 + 1);
    }

    private static string Stream(params string[] chunks)
    {
        using var redactor = Engine.CreateStreamingRedactor();
        return string.Concat(chunks.Select(redactor.Push)) + redactor.Flush();
    }
}
