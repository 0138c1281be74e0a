using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Gateway.Webhooks;

/// <summary>
/// The HMAC-SHA256 signature of a webhook body: <c>x-gatehouse-signature: sha256=&lt;hex&gt;</c> over
/// <c>&lt;x-gatehouse-timestamp&gt;.&lt;body&gt;</c>, the timestamp in Unix seconds.
/// </summary>
/// <remarks>
/// Signing the timestamp with the body lets a receiver refuse a replayed delivery: it checks the signature, then that
/// the timestamp is within its replay window (five minutes by default), then that it has not seen the delivery id.
/// </remarks>
internal static class WebhookSignature
{
    public const string Prefix = "sha256=";

    /// <summary>The default replay window a receiver should allow.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>Checks a received signature in constant time, and that the timestamp is within <paramref name="window"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
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
        return age.Duration() <= window && CryptographicOperations.FixedTimeEquals(received, Mac(secret, timestamp, body));
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
