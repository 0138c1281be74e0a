using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Runs the built <c>gatehouse</c> executable as a child process, as a person would from a terminal.</summary>
public sealed class GatehouseProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatehouseProcess(Process process)
    {
        _process = process;
    }

    /// <summary>How long a child may take to start or to stop: generous, since it is a fresh .NET process on a busy machine.</summary>
    private static TimeSpan StartTimeout => TimeSpan.FromSeconds(120);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The URL the process serves, when it was started by <see cref="ServeAsync"/>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>
    /// Starts a server on a free loopback port (<paramref name="args"/> gets the URL) and waits until its output contains
    /// <paramref name="readyText"/>; if another process took the port first, it starts again on a fresh one.
    /// </summary>
    public static async Task<GatehouseProcess> ServeAsync(string workingDirectory, string readyText, Func<string, string[]> args)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            try
            {
                var started = await StartAsync(workingDirectory, readyText, args(url));
                started.Url = url;
                return started;
            }
            catch (ProcessExitedException error) when (attempt < 5 && error.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The port was free when FreePort looked, and another process bound it first.
            }
        }
    }

    /// <summary>Starts a long-running command and waits until its output contains <paramref name="readyText"/>.</summary>
    /// <exception cref="ProcessExitedException">The process ended before it was ready.</exception>
    public static async Task<GatehouseProcess> StartAsync(string workingDirectory, string readyText, params string[] args)
    {
        var process = new Process { StartInfo = StartInfo(workingDirectory, args), EnableRaisingEvents = true };
        var running = new GatehouseProcess(process);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (running._output)
            {
                running._output.AppendLine(e.Data);
            }

            if (e.Data.Contains(readyText, StringComparison.Ordinal))
            {
                running._ready.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (await Task.WhenAny(running._ready.Task, exited).WaitAsync(StartTimeout, TestContext.Current.CancellationToken) != running._ready.Task)
        {
            var output = running.Output;
            await running.DisposeAsync();
            throw new ProcessExitedException($"gatehouse {string.Join(' ', args)} ended before it was ready:\n{output}", output);
        }

        return running;
    }

    /// <summary>Runs a command to its end and returns its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Asks the process to stop as Ctrl+C would, and returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gatehouse.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not inherit provider keys from the machine running the tests.
        info.Environment.Remove("OPENAI_API_KEY");
        info.Environment.Remove("ANTHROPIC_API_KEY");
        return info;
    }
}
