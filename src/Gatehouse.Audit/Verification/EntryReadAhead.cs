using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Store;

namespace Gatehouse.Audit.Verification;

/// <summary>Reads the log on its own task, in chunks, so that reading rows and hashing them overlap.</summary>
internal static class EntryReadAhead
{
    private const int ChunkSize = 1024;
    private const int ChunksAhead = 4;

    public static async IAsyncEnumerable<AuditEntry[]> ReadAsync(
        IAuditStore store,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<AuditEntry[]>(new BoundedChannelOptions(ChunksAhead)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var producer = Task.Run(() => ProduceAsync(store, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            // The consumer may stop early (first bad entry found): stop reading and let the reader finish.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ProduceAsync(IAuditStore store, ChannelWriter<AuditEntry[]> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new List<AuditEntry>(ChunkSize);
            await foreach (var entry in store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                buffer.Add(entry);
                if (buffer.Count == ChunkSize)
                {
                    await chunks.WriteAsync([.. buffer], cancellationToken).ConfigureAwait(false);
                    buffer.Clear();
                }
            }

            if (buffer.Count > 0)
            {
                await chunks.WriteAsync([.. buffer], cancellationToken).ConfigureAwait(false);
            }

            chunks.TryComplete();
        }
#pragma warning disable CA1031 // The failure is handed to the consumer, which rethrows it from its own await.
        catch (Exception error)
#pragma warning restore CA1031
        {
            chunks.TryComplete(error);
        }
    }
}
