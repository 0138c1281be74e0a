namespace Gatehouse.Masking.Tests;

/// <summary>Engines shared by the tests (building one compiles the rules once per process).</summary>
internal static class TestEngines
{
    public static byte[] Key { get; } = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static MaskingEngine Everything { get; } = new(new MaskingOptions
    {
        Pii = new PiiOptions { IpAddresses = true },
        InternalHostPatterns = ["*.corp.example.com"],
        FingerprintKey = Key,
    });

    public static MaskingEngine Default { get; } = new(new MaskingOptions { FingerprintKey = Key });
}
