using System.Buffers.Binary;
using CsCheck;
using Gatehouse.Masking.Redaction;
using Gatehouse.Testing;

namespace Gatehouse.Masking.Tests.Redaction;

public sealed class FingerprintHexTests
{
    [Fact]
    public void Format_AnyValue_IsItsBigEndianBytesInLowerCaseHex()
    {
        Gen.ULong.ForAll(value =>
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);

            Assert.Equal(Convert.ToHexStringLower(bytes), FingerprintHex.Format(value));
        }, iter: 2000);
    }
}
