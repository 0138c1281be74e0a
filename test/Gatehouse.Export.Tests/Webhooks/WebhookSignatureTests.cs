using System.Text;
using Gatehouse.Export.Webhooks;

namespace Gatehouse.Export.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"whd_1","event":"approval.requested"}""");

    [Fact]
    public void Sign_KnownVector_IsHmacSha256OfTimestampDotBody()
    {
        // printf '%s' '1795597200.{"id":"whd_1","event":"approval.requested"}' | openssl dgst -sha256 -hmac "$SECRET"
        const string expected = "sha256=7cf19ea76127731ce7e6bfdc235d4d370a8baa74715e4a567f3fbd5d57e609ee";

        Assert.Equal(expected, WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(-299, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void Verify_TimestampAge_AcceptedOnlyWithinTheReplayWindow(int ageSeconds, bool accepted)
    {
        var timestamp = Now.ToUnixTimeSeconds() - ageSeconds;
        var signature = WebhookSignature.Sign(Secret, timestamp, Body);

        Assert.Equal(accepted, WebhookSignature.Verify(Secret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now, WebhookSignature.DefaultWindow));
    }

    [Fact]
    public void Verify_AnyChangedByteOrHeader_IsRefused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        Assert.True(WebhookSignature.Verify(Secret, timestamp, signature, Body, Now, WebhookSignature.DefaultWindow));

        for (var i = 0; i < Body.Length; i++)
        {
            var tampered = (byte[])Body.Clone();
            tampered[i] ^= 0x01;
            Assert.False(WebhookSignature.Verify(Secret, timestamp, signature, tampered, Now, WebhookSignature.DefaultWindow));
        }

        Assert.False(WebhookSignature.Verify(Secret, (Now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now, WebhookSignature.DefaultWindow));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, signature.Replace("sha256=", "sha1=", StringComparison.Ordinal), Body, Now, WebhookSignature.DefaultWindow));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, "sha256=zz", Body, Now, WebhookSignature.DefaultWindow));
        Assert.False(WebhookSignature.Verify(Secret, null, signature, Body, Now, WebhookSignature.DefaultWindow));
    }
}
