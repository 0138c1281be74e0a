using System.Buffers;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>
/// One response that policy may hold: its hold buffer and the client's body it releases to. Owned by one exchange.
/// </summary>
internal sealed class HeldResponse : IDisposable
{
    private readonly ArrayBufferWriter<byte> _release = new(4096);
    private readonly TimeProvider _time;

    public HeldResponse(ResponseHoldBuffer buffer, Stream client, TimeProvider time)
    {
        Buffer = buffer;
        Client = client;
        _time = time;
    }

    public ResponseHoldBuffer Buffer { get; }

    public Stream Client { get; }

    /// <summary>Gets the timestamp at which bytes were first held, or null while none are.</summary>
    public long? HoldingSince { get; private set; }

    public TimeSpan HeldFor => HoldingSince is { } since ? _time.GetElapsedTime(since) : TimeSpan.Zero;

    /// <summary>Takes the next bytes for the client; passes on at once what need not be held.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _release.ResetWrittenCount();
        Buffer.Append(bytes.Span, _release);
        if (Buffer.IsHolding)
        {
            HoldingSince ??= _time.GetTimestamp();
        }

        await WriteReleasedAsync(cancellationToken);
    }

    /// <summary>Ends the body: passes on what need not be held and returns what the response says.</summary>
    public async ValueTask<Protocols.ResponseSummary> CompleteAsync(CancellationToken cancellationToken)
    {
        _release.ResetWrittenCount();
        var summary = Buffer.Complete(_release);
        await WriteReleasedAsync(cancellationToken);
        return summary;
    }

    /// <summary>Sends the held bytes, unchanged.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await Client.WriteAsync(Buffer.Held, cancellationToken);
        await Client.FlushAsync(cancellationToken);
    }

    /// <summary>Sends, in place of the held bytes, the API's own answer carrying <paramref name="content"/>.</summary>
    public async Task RefuseAsync(RefusalContent content, CancellationToken cancellationToken)
    {
        _release.ResetWrittenCount();
        Buffer.WriteRefusal(_release, content);
        await WriteReleasedAsync(cancellationToken);
        await Client.FlushAsync(cancellationToken);
    }

    /// <summary>Sends an SSE comment naming the approval, so that proxies keep the idle stream open.</summary>
    public async Task HeartbeatAsync(string approvalId, CancellationToken cancellationToken)
    {
        await Client.WriteAsync(System.Text.Encoding.UTF8.GetBytes($": waiting for approval {approvalId}\n\n"), cancellationToken);
        await Client.FlushAsync(cancellationToken);
    }

    public void Dispose() => Buffer.Dispose();

    private ValueTask WriteReleasedAsync(CancellationToken cancellationToken)
        => _release.WrittenCount == 0 ? ValueTask.CompletedTask : Client.WriteAsync(_release.WrittenMemory, cancellationToken);
}
