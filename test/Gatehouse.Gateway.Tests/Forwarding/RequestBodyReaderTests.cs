using System.Runtime.InteropServices;
using Gatehouse.Gateway.Forwarding;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Tests.Forwarding;

public sealed class RequestBodyReaderTests
{
    private const long Limit = 1L << 30;

    [Fact]
    public async Task Read_HugeDeclaredLengthTinyBody_AllocatesWhatArrivesNotWhatIsDeclared()
    {
        // A caller declares nearly the limit and sends ten bytes: the gateway must not reserve the declared size.
        var request = Request(new byte[10], declared: Limit - 1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        await Assert.ThrowsAnyAsync<IOException>(async () => await RequestBodyReader.ReadAsync(request, Limit, CancellationToken.None));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1 << 20, $"reading a 10-byte body that declared {Limit - 1} bytes allocated {allocated} bytes");
    }

    [Fact]
    public async Task Read_DeclaredOverLimit_RefusesWithoutReading()
    {
        var request = Request(new byte[10], declared: Limit + 1);

        Assert.Null(await RequestBodyReader.ReadAsync(request, Limit, CancellationToken.None));
        Assert.Equal(0, request.Body.Position);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task Read_DeclaredLengthMatches_ReturnsTheBytes(int length)
    {
        var body = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var read = await RequestBodyReader.ReadAsync(Request(body, declared: length), 200_000, CancellationToken.None);

        Assert.Equal(body, read?.ToArray());
    }

    [Theory]
    [InlineData(50_700)]
    [InlineData(65_536)]
    public async Task Read_AgentSizedDeclaredBody_LandsInOneBufferOfItsSize_NotARegrownOne(int length)
    {
        // An agent's first request is about 50 KB: gathering it in a buffer that doubles copies it twice and ends in a
        // 128 KB array on the large-object heap, whose collections then trim the shared pools under a lock.
        var body = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var read = await RequestBodyReader.ReadAsync(Request(body, declared: length), 1 << 20, CancellationToken.None);

        Assert.Equal(body, read?.ToArray());
        Assert.True(MemoryMarshal.TryGetArray(read!.Value, out var segment));
        Assert.InRange(segment.Array!.Length, length, length + 1);
    }

    [Fact]
    public async Task Read_AgentSizedDeclaredBody_AllocatesTheFirstChunkAndItsSizeOnly()
    {
        // Growing 16 KB -> 32 KB -> 50 KB allocated and copied a 32 KB buffer per agent request for nothing: a declared
        // length within four times what is already buffered is reached in one step.
        const int length = 50_700;
        var request = Request(new byte[length], declared: length);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = await RequestBodyReader.ReadAsync(request, 1 << 20, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(length, read?.Length);
        Assert.InRange(allocated, length, 16 * 1024 + length + 4096);
    }

    [Fact]
    public async Task Read_ChunkedBodyOverLimit_StopsAtTheLimit()
    {
        var request = Request(new byte[5000], declared: null);

        Assert.Null(await RequestBodyReader.ReadAsync(request, 4096, CancellationToken.None));
    }

    private static HttpRequest Request(byte[] body, long? declared)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = declared;
        return context.Request;
    }
}
