using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Postgres.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Approvals;

/// <summary>Wakes approval waiters on every replica of one PostgreSQL database: NOTIFY on a change, LISTEN for others'.</summary>
/// <remarks>
/// <para>
/// One connection per process LISTENs on <see cref="Channel"/>; a change sends the approval's id as the payload after
/// it commits. A notification wakes this process's waiters on that id at once, and they re-read the store, so a
/// decision made through any replica releases a hold waiting on any other without waiting for a poll.
/// </para>
/// <para>
/// Waiters still poll, as <see cref="PollingApprovalNotifier"/>'s do (100 ms doubling to 1 s): while the listening
/// connection is down (it reconnects with backoff) or a notification is lost, a waiter sees a decision within a
/// second anyway. Notifications carry only the id, never content.
/// </para>
/// </remarks>
public sealed partial class PostgresApprovalNotifier : IApprovalNotifier, IAsyncDisposable
{
    /// <summary>The channel every replica listens and notifies on.</summary>
    public const string Channel = "gatehouse_approvals";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private int _disposed;
    private readonly PostgresDatabase _database;
    private readonly PollingApprovalNotifier _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    /// <summary>Initializes a new instance over <paramref name="store"/>'s database and starts listening.</summary>
    public PostgresApprovalNotifier(PostgresStore store, TimeProvider timeProvider, ILogger<PostgresApprovalNotifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = store.Database;
        _time = timeProvider;
        _local = new PollingApprovalNotifier(timeProvider);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _loop = Task.Run(ListenAsync);
    }

    /// <summary>Gets a task that completes once this process listens (the first LISTEN is in place).</summary>
    public Task Listening => _listening.Task;

    /// <inheritdoc />
    public IApprovalSubscription Subscribe(string id) => _local.Subscribe(id);

    /// <inheritdoc />
    public async ValueTask NotifyAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _local.NotifyAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            await _database.RunAsync(
                async (connection, ct) =>
                {
                    using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @id)", connection);
                    command.Parameters.AddWithValue("channel", Channel);
                    command.Parameters.AddWithValue("id", id);
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException error)
        {
            // The decision is already committed: failing the reviewer's call now would report a change that happened
            // as one that did not. The other replicas' waiters see it at their next poll instead.
            NotifyFailed(_logger, error.Failure, error);
        }
    }

    /// <inheritdoc />
    /// <remarks>Safe to call twice: a container that registers the notifier under two service types disposes it twice.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ListenAsync()
    {
        var retry = FirstRetry;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var connection = await _database.OpenConnectionAsync(_stop.Token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += OnNotification;
                    using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                    }

                    if (!_listening.TrySetResult())
                    {
                        ListeningAgain(_logger);
                    }

                    retry = FirstRetry;
                    while (true)
                    {
                        await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (PostgresFailures.IsStoreError(error))
            {
                ListenerLost(_logger, retry, error);
            }

            try
            {
                await Task.Delay(retry, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel == Channel)
        {
            // The polling notifier's wake is synchronous (it completes a signal); nothing is left running.
            _ = _local.NotifyAsync(notification.Payload, CancellationToken.None).AsTask();
        }
    }

    [LoggerMessage(EventId = 1530, Level = LogLevel.Warning,
        Message = "Approval notifications: the listening connection to PostgreSQL failed; waiters poll until it is back, retrying in {Retry}")]
    private static partial void ListenerLost(ILogger logger, TimeSpan retry, Exception error);

    [LoggerMessage(EventId = 1531, Level = LogLevel.Information, Message = "Approval notifications: listening on PostgreSQL again")]
    private static partial void ListeningAgain(ILogger logger);

    [LoggerMessage(EventId = 1532, Level = LogLevel.Warning,
        Message = "Approval notifications: a decision could not be announced ({Failure}); other replicas see it at their next poll")]
    private static partial void NotifyFailed(ILogger logger, StoreFailure failure, Exception error);
}
