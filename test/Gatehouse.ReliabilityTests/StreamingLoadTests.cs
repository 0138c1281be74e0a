using System.Net.Sockets;
using Gatehouse.CrashTest;

namespace Gatehouse.ReliabilityTests;

/// <summary>The crash harness's load client counts every way a killed gateway's connection can fail as a cut stream.</summary>
public sealed class StreamingLoadTests
{
    public static TheoryData<Exception> ConnectionFailures() => new(new Exception[]
    {
        new SocketException((int)SocketError.NotConnected),
        new SocketException((int)SocketError.ConnectionReset),
        new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
        new IOException("reset"),
        new TaskCanceledException(),
        new AggregateException(new SocketException((int)SocketError.NotConnected), new IOException("cut")),
        new InvalidOperationException("wrapped", new SocketException((int)SocketError.NotConnected)),
    });

    [Theory]
    [MemberData(nameof(ConnectionFailures))]
    public void IsConnectionFailure_AnyFormTheKillTakes_IsACutStream(Exception failure)
        => Assert.True(StreamingLoad.IsConnectionFailure(failure));

    [Fact]
    public void IsConnectionFailure_ABugInTheHarness_IsNot()
    {
        Assert.False(StreamingLoad.IsConnectionFailure(new InvalidOperationException("bug")));
        Assert.False(StreamingLoad.IsConnectionFailure(new NullReferenceException()));
        Assert.False(StreamingLoad.IsConnectionFailure(new AggregateException(new SocketException(), new ArgumentException("bug"))));
    }
}
