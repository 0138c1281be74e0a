using System.Buffers;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Tests.Sse;

/// <summary>The pooled buffer as the data path's per-response writer: what is written is what is held, within the limit.</summary>
public sealed class PooledByteBufferTests
{
    [Fact]
    public void Writer_WritesPastTheFirstArray_HoldsEveryByteInOrder()
    {
        using var buffer = new PooledByteBuffer(PooledByteBuffer.Unbounded);
        var expected = new byte[10_000];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (byte)(i % 251);
        }

        for (var offset = 0; offset < expected.Length; offset += 700)
        {
            buffer.Write(expected.AsSpan(offset, Math.Min(700, expected.Length - offset)));
        }

        Assert.Equal(expected, buffer.Span.ToArray());
    }

    [Fact]
    public void Writer_GetSpanThenAdvance_CommitsOnlyWhatWasAdvanced()
    {
        using var buffer = new PooledByteBuffer(64);
        var span = buffer.GetSpan(3);
        "abcdef"u8.CopyTo(span);
        buffer.Advance(3);

        Assert.Equal("abc"u8.ToArray(), buffer.Span.ToArray());
        Assert.Throws<InvalidOperationException>(() => buffer.Advance(buffer.GetSpan().Length + 1));
    }

    [Fact]
    public void Writer_PastItsLimit_Throws_AndKeepsWhatItHeld()
    {
        using var buffer = new PooledByteBuffer(8);
        buffer.Write("12345"u8);

        Assert.Throws<InvalidOperationException>(() => buffer.GetSpan(4));
        Assert.False(buffer.TryAppend("6789"u8));
        Assert.Equal("12345"u8.ToArray(), buffer.Span.ToArray());
    }

    [Fact]
    public void Release_EmptiesTheBuffer_WhichThenRentsAgain()
    {
        var buffer = new PooledByteBuffer(PooledByteBuffer.Unbounded);
        buffer.Write("first"u8);
        buffer.Release();

        Assert.Equal(0, buffer.Length);
        buffer.Write("second"u8);
        Assert.Equal("second"u8.ToArray(), buffer.Span.ToArray());
        buffer.Dispose();
    }
}
