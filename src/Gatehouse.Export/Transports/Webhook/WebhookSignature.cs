using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Export.Transports.Webhook;

/// <summary>Computes the webhook signature: HMAC-SHA256 over <c>&lt;timestamp&gt;.&lt;body&gt;</c>, as lower-case hex.</summary>
/// <remarks>The timestamp is inside the MAC so a captured request cannot be replayed later with a fresh timestamp.</remarks>
internal static class WebhookSignature
{
    public static string Compute(ReadOnlySpan<byte> key, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return $"sha256={Convert.ToHexStringLower(hmac.GetHashAndReset())}";
    }
}
