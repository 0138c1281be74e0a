using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Export.Webhooks;

/// <summary>
/// Computes and checks the signature of every Gatehouse webhook (notifications and SIEM export alike):
/// <c>x-gatehouse-signature: sha256=&lt;lower-case hex&gt;</c>, the HMAC-SHA256 over
/// <c>&lt;x-gatehouse-timestamp&gt;.&lt;body&gt;</c> keyed with the secret's UTF-8 bytes, the timestamp in Unix seconds.
/// </summary>
/// <remarks>
/// Signing the timestamp with the body lets a receiver refuse a replayed delivery: it checks the signature, then that
/// the timestamp is within its replay window (five minutes by default), then that it has not seen the delivery id or
/// sequences before.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The scheme prefix of the signature header's value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The default replay window a receiver should allow: 5 minutes.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>Returns <c>sha256=&lt;hex&gt;</c> for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    /// <param name="secret">The shared secret; its UTF-8 bytes are the key.</param>
    /// <param name="timestamp">The value of <c>x-gatehouse-timestamp</c>, Unix seconds.</param>
    /// <param name="body">The exact bytes posted.</param>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Sign(Encoding.UTF8.GetBytes(secret), timestamp, body);
    }

    /// <summary>Returns <c>sha256=&lt;hex&gt;</c> for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    /// <param name="key">The HMAC key (the secret's UTF-8 bytes).</param>
    /// <param name="timestamp">The value of <c>x-gatehouse-timestamp</c>, Unix seconds.</param>
    /// <param name="body">The exact bytes posted.</param>
    public static string Sign(ReadOnlySpan<byte> key, long timestamp, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(Mac(key, timestamp, body));

    /// <summary>Checks a received signature in constant time, and that the timestamp is within <paramref name="window"/> of <paramref name="now"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestampHeader">The received <c>x-gatehouse-timestamp</c>.</param>
    /// <param name="signatureHeader">The received <c>x-gatehouse-signature</c>.</param>
    /// <param name="body">The raw body bytes received.</param>
    /// <param name="now">The receiver's clock.</param>
    /// <param name="window">The largest accepted age, either way.</param>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] received;
        try
        {
            received = Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return age.Duration() <= window
            && CryptographicOperations.FixedTimeEquals(received, Mac(Encoding.UTF8.GetBytes(secret), timestamp, body));
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Span<byte> prefix = stackalloc byte[24];
        timestamp.TryFormat(prefix, out var written, provider: CultureInfo.InvariantCulture);
        prefix[written++] = (byte)'.';
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
