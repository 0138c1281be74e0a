using System.Collections.Concurrent;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Leases;

/// <summary>
/// Takes and renews this process's leases in the store: its writer lease, held for the life of the process, and the
/// lease of every background job that must run on one replica at a time (<see cref="For"/>).
/// </summary>
/// <remarks>
/// <para>
/// Start-up takes the writer lease before anything is served (a store that cannot be reached stops the start: fail
/// closed) and tries every job lease once, so a lone replica runs its jobs at once. Every
/// <see cref="LeaseConfig.RenewEvery"/> it renews what it holds and tries to take what is free; a dead replica's
/// leases lapse after <see cref="LeaseConfig.Duration"/>, so a job fails over within the sum of the two.
/// </para>
/// <para>
/// A holding ends here, before another replica can take it: when a renewal finds it lapsed or taken, and when the store
/// cannot be reached and the lease would lapse before the next renewal. Stopping releases the job leases (after the
/// jobs stopped: hosted services stop in reverse order), so a peer takes them over at once. The writer lease is left to
/// lapse: the outcomes still draining at shutdown are this writer's, and no peer may close them as interrupted first.
/// The same code runs on the embedded store (one process, every lease its own).
/// </para>
/// </remarks>
internal sealed partial class LeaseKeeper(
    ILeaseStore store, WriterIdentity writer, LeaseConfig config, TimeProvider time, ILogger<LeaseKeeper> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HeldLease> _jobs = new(StringComparer.Ordinal);
    private PeriodicTimer? _timer;

    /// <summary>Gets this process's writer lease (<c>writer:{id}</c>).</summary>
    public HeldLease Writer { get; } = new(LeaseNames.Writer(writer.Id));

    /// <summary>Gets this process's writer id: the holder of every lease it takes.</summary>
    public string WriterId => writer.Id;

    /// <summary>Returns the job lease named <paramref name="name"/>, kept from the next renewal on (jobs ask when they are built).</summary>
    public HeldLease For(string name) => _jobs.GetOrAdd(name, static n => new HeldLease(n));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(config.RenewEvery, time);
        await KeepAsync(Writer, cancellationToken);
        if (Writer.Current is null)
        {
            // A fresh writer id is nobody else's: only a store that cannot be written refuses it.
            throw new StoreUnavailableException($"could not take the writer lease '{Writer.Name}'");
        }

        foreach (var job in _jobs.Values)
        {
            await KeepAsync(job, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var job in _jobs.Values)
        {
            if (job.Current is not { } holding)
            {
                continue;
            }

            job.Lose();
            try
            {
                await store.ReleaseAsync(holding.Lease, cancellationToken);
                Log.Released(logger, job.Name);
            }
            catch (StoreUnavailableException)
            {
                // It lapses on its own within the lease's duration.
            }
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer!.WaitForNextTickAsync(stoppingToken))
            {
                await KeepAsync(Writer, stoppingToken);
                foreach (var job in _jobs.Values)
                {
                    await KeepAsync(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Renews <paramref name="lease"/> when held, else tries to take it.</summary>
    private async Task KeepAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        var held = lease.Current;
        try
        {
            if (held is not null)
            {
                if (await store.RenewAsync(held.Lease, config.Duration, cancellationToken) is { } renewed)
                {
                    lease.Take(renewed);
                    return;
                }

                lease.Lose();
                Log.Lost(logger, lease.Name, held.Lease.Token);
            }

            if (await store.AcquireAsync(lease.Name, writer.Id, config.Duration, cancellationToken) is { } taken)
            {
                lease.Take(taken);
                Log.Took(logger, lease.Name, taken.Token);
            }
        }
        catch (StoreUnavailableException error)
        {
            // Unsure whether the renewal landed: keep the holding only while it cannot have lapsed before the next try.
            if (held is not null && time.GetUtcNow() + config.RenewEvery >= held.Lease.ExpiresAt)
            {
                lease.Lose();
                Log.Lost(logger, lease.Name, held.Lease.Token);
            }

            Log.Unreachable(logger, lease.Name, error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1450, Level = LogLevel.Information, Message = "Took lease {Lease} (token {Token})")]
        public static partial void Took(ILogger logger, string lease, long token);

        [LoggerMessage(EventId = 1451, Level = LogLevel.Warning, Message = "Lost lease {Lease} (token {Token}); its work stops here")]
        public static partial void Lost(ILogger logger, string lease, long token);

        [LoggerMessage(EventId = 1452, Level = LogLevel.Warning, Message = "Could not renew or take lease {Lease}: the store is unavailable; trying again")]
        public static partial void Unreachable(ILogger logger, string lease, Exception error);

        [LoggerMessage(EventId = 1453, Level = LogLevel.Information, Message = "Released lease {Lease} on shutdown")]
        public static partial void Released(ILogger logger, string lease);
    }
}
