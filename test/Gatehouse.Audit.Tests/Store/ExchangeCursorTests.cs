using CsCheck;
using Gatehouse.Audit.Store;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Store;

public sealed class ExchangeCursorTests
{
    [Fact]
    public void Decode_AnyEncodedPosition_RoundTrips()
        => Gen.Long[1, long.MaxValue].ForAll(position =>
        {
            Assert.True(ExchangeCursor.TryDecode(ExchangeCursor.Encode(position), out var decoded));
            Assert.Equal(position, decoded);
        });

    [Fact]
    public void Decode_AnyOtherText_IsRefusedWithoutThrowing()
        => Gen.String[0, 40].Where(t => t.Length > 0).ForAll(text =>
        {
            if (ExchangeCursor.TryDecode(text, out var decoded))
            {
                Assert.Equal(text, ExchangeCursor.Encode(decoded!.Value));
            }
        });

    [Theory]
    [InlineData("42")]
    [InlineData("czE6MA")]
    [InlineData("czE6LTU")]
    [InlineData("eDE6NQ")]
    public void Decode_NumberOrForeignCursor_IsRefused(string cursor)
        => Assert.False(ExchangeCursor.TryDecode(cursor, out _));

    [Fact]
    public void Decode_Nothing_MeansTheFirstPage()
    {
        Assert.True(ExchangeCursor.TryDecode(null, out var before));
        Assert.Null(before);
    }
}
