using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.CrashTest;

/// <summary>The built gateway in its own process, started from a configuration file and killed with SIGKILL.</summary>
internal sealed class GatewayChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private GatewayChild(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Starts <c>gatehouse serve</c> and waits until <c>/readyz</c> answers 200 (recovery has run by then).</summary>
    public static async Task<GatewayChild> StartAsync(string gatehouseDll, string configPath, Uri baseUri, string logPath)
    {
        var info = Cli.Info(gatehouseDll, ["serve", "--config", configPath]);
        info.Environment[CrashWorkspace.UpstreamKeyVariable] = CrashWorkspace.UpstreamKey;
        var process = new Process { StartInfo = info };
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new GatewayChild(process, log);
        try
        {
            await child.WaitReadyAsync(new Uri(baseUri, "readyz"));
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown hook, no audit drain, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        await SignalAsync("-KILL");
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the process gracefully (SIGTERM, so its audit queue drains), killing it if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("-TERM");
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    private async Task WaitReadyAsync(Uri readyz)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with {_process.ExitCode} before it was ready");
            }

            try
            {
                using var response = await client.GetAsync(readyz);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the gateway was not ready within 60 s");
    }
}
