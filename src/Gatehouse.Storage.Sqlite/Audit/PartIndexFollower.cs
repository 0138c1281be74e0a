using System.Threading.Channels;
using Gatehouse.Storage.Sqlite.Database;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Runs <see cref="PartIndexer"/> and <see cref="TagIndexer"/> in the background, woken after each append, so search follows the log.</summary>
/// <remarks>
/// <para>
/// The wake-up is a channel of one slot: any number of appends while a catch-up runs cost one more pass, never a
/// queue. Each step takes the writer connection for one short transaction (the next parts' text and the next entries'
/// tags together, one commit), between append batches, never inside one. A search by text or by a tag catches up
/// first (<see cref="CatchUpAsync"/>), so a search never misses an acknowledged exchange.
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

    /// <summary>Indexes every part stored so far and tags every entry appended so far.</summary>
    /// <remarks>
    /// It goes as far as the log reached when it started, not further: appends that land meanwhile wait for the next
    /// pass, rather than keeping a catch-up chasing the head one step (one commit) per append.
    /// </remarks>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var target = await _database.ReadAsync(TargetAsync, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return;
        }

        while (await _database.WriteAsync((c, ct) => StepAsync(c, target.Value, ct), cancellationToken).ConfigureAwait(false) > 0)
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

    // The highest part id and sequence stored now, or null when the index and the tags already cover them.
    private static async Task<(long Parts, long Entries)?> TargetAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"{PartIndexer.TargetSql}; {TagIndexer.TargetSql}";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (parts, indexed) = (reader.GetInt64(0), reader.GetInt64(1));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (entries, tagged) = (reader.GetInt64(0), reader.GetInt64(1));
            return parts > indexed || entries > tagged ? (parts, entries) : null;
        }
    }

    private static async Task<int> StepAsync(SqliteConnection connection, (long Parts, long Entries) target, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var parts = await PartIndexer.StepInAsync(connection, transaction, target.Parts, cancellationToken).ConfigureAwait(false);
            var entries = await TagIndexer.StepInAsync(connection, transaction, target.Entries, cancellationToken).ConfigureAwait(false);
            if (parts + entries > 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return parts + entries;
        }
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
