using System.Threading.Channels;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Runs <see cref="PartIndexer"/> in the background, woken after each append, so search follows the log.</summary>
/// <remarks>
/// <para>
/// The wake-up is a channel of one slot: any number of appends while a catch-up runs cost one more pass, never a
/// queue. Each step takes the writer connection for one short transaction, between append batches, never inside one.
/// A text search catches up first (<see cref="CatchUpAsync"/>), so a search never misses an acknowledged exchange.
/// </para>
/// <para>
/// Passes start at most once per <see cref="PassInterval"/>: a pass costs a read, a commit (a sync in <c>fsync</c>
/// mode) and an empty step whether it indexes one part or a hundred, and the audit's own commits wait for the writer
/// connection meanwhile. Woken after every append batch, the follower cost each exchange an extra commit under load;
/// waiting out the interval lets one pass index every part appended in it. The first wake-up after a quiet interval
/// runs at once, so background freshness stays under the interval plus one pass.
/// </para>
/// </remarks>
internal sealed class PartIndexFollower : IAsyncDisposable
{
    /// <summary>The shortest time between the starts of two passes.</summary>
    public static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(200);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PartIndexFollower(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _wake.Writer.TryWrite(true);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Asks for a pass over parts not indexed yet; never blocks.</summary>
    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Indexes every part stored so far.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!await _database.ReadAsync(PartIndexer.IsBehindAsync, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        while (await _database.WriteAsync(PartIndexer.StepAsync, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _wake.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-step rolls that step back; the cursor in the store says where the next run resumes.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        long? lastPass = null;
        while (await _wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (lastPass is { } last && PassInterval - _time.GetElapsedTime(last) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            _wake.Reader.TryRead(out _);
            lastPass = _time.GetTimestamp();
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException)
            {
                // The store cannot be written now (locked, full, failing): the parts stay above the cursor and the next
                // append's wake-up, or a text search, indexes them. The writer reports the store's health itself.
            }
        }
    }
}
