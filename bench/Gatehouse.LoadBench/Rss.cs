using System.Globalization;

namespace Gatehouse.LoadBench;

/// <summary>Reads a process's resident memory from <c>/proc</c>, and samples its peak while a pass runs.</summary>
internal sealed class Rss : IAsyncDisposable
{
    private readonly Func<long> _read;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    private Rss(Func<long> read)
    {
        _read = read;
        _peak = read();
        _sampling = SampleAsync();
    }

    /// <summary>Gets the highest resident memory seen since sampling started, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Starts sampling every 100 ms; a target without a process of its own samples nothing.</summary>
    public static Rss Sample(Func<long>? read) => new(read ?? (() => 0));

    /// <summary>Returns the VmRSS of process <paramref name="pid"/> in bytes, or 0 when it cannot be read.</summary>
    public static long Of(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var now = _read();
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }
        }
    }
}
