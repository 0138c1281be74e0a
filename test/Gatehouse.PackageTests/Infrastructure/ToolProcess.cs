using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.PackageTests.Infrastructure;

/// <summary>Runs an installed command as a child process, as a person would from a terminal.</summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(Process process)
    {
        _process = process;
    }

    /// <summary>How long a child may take: generous, since packing and a fresh .NET process are slow on a busy machine.</summary>
    private static TimeSpan Timeout => TimeSpan.FromMinutes(3);

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

    public string Url { get; private set; } = "";

    /// <summary>Runs a command to its end and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string command, string workingDirectory, string[] args, Dictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(command, workingDirectory, args, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts a server on a free loopback port (<paramref name="args"/> gets the URL) and waits until its output contains
    /// <paramref name="readyText"/>; if another process took the port first, it starts again on a fresh one.
    /// </summary>
    public static async Task<ToolProcess> ServeAsync(string command, string workingDirectory, string readyText, Func<string, string[]> args)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var process = new Process { StartInfo = StartInfo(command, workingDirectory, args(url), null), EnableRaisingEvents = true };
            var running = new ToolProcess(process) { Url = url };
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
            if (await Task.WhenAny(running._ready.Task, exited).WaitAsync(Timeout, TestContext.Current.CancellationToken) == running._ready.Task)
            {
                return running;
            }

            var output = running.Output;
            await running.DisposeAsync();
            if (attempt >= 5 || !output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{command} {string.Join(' ', args(url))} ended before it was ready:\n{output}");
            }
        }
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

    private static ProcessStartInfo StartInfo(string command, string workingDirectory, string[] args, Dictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not inherit provider keys from the machine running the tests.
        info.Environment.Remove("OPENAI_API_KEY");
        info.Environment.Remove("ANTHROPIC_API_KEY");
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
