using System.Buffers;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>
/// One response that policy may hold: its hold buffer (a stage of the response's pipeline, which owns it) and the
/// client's body it releases to. Owned by one exchange.
/// </summary>
internal sealed class HeldResponse : IDisposable
{
    private readonly TimeProvider _time;

    // Only a refusal writes here: made when one is sent, not for every response a rule could hold.
    private ArrayBufferWriter<byte>? _release;

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

    /// <summary>Notes that bytes are held from now on (the first call counts).</summary>
    public void MarkHolding() => HoldingSince ??= _time.GetTimestamp();

    /// <summary>Sends the held bytes, unchanged.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await Client.WriteAsync(Buffer.Held, cancellationToken);
        await Client.FlushAsync(cancellationToken);
    }

    /// <summary>Sends, in place of the held bytes, the API's own answer carrying <paramref name="content"/>.</summary>
    public async Task RefuseAsync(RefusalContent content, CancellationToken cancellationToken)
    {
        _release ??= new ArrayBufferWriter<byte>(4096);
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
        => _release is not { WrittenCount: > 0 } written ? ValueTask.CompletedTask : Client.WriteAsync(written.WrittenMemory, cancellationToken);
}
