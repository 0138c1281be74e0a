using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.Testing;

/// <summary>
/// Runs a command as a child process, as a person would from a terminal: to its end (<see cref="RunAsync"/>), or as a
/// server that is used once its output says it is ready (<see cref="ServeAsync"/>, <see cref="StartAsync"/>).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// How long a child may take to start or to end: generous, since it is a fresh .NET process (or a pack and install)
    /// on a busy machine. It only bounds how long a broken test hangs.
    /// </summary>
    private static TimeSpan Timeout => TimeSpan.FromMinutes(3);

    /// <summary>Everything the process wrote so far, standard output and standard error interleaved by line.</summary>
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

    /// <summary>Runs a command to its end and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        ChildCommand command, string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
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
    public static async Task<ChildProcess> ServeAsync(
        ChildCommand command, string workingDirectory, string readyText, Func<string, string[]> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            try
            {
                var started = await StartAsync(command, workingDirectory, readyText, args(url), environment);
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
    public static async Task<ChildProcess> StartAsync(
        ChildCommand command, string workingDirectory, string readyText, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = new Process { StartInfo = StartInfo(command, workingDirectory, args, environment), EnableRaisingEvents = true };
        var running = new ChildProcess(process);
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
        if (await Task.WhenAny(running._ready.Task, exited).WaitAsync(Timeout, TestContext.Current.CancellationToken) != running._ready.Task)
        {
            var output = running.Output;
            await running.DisposeAsync();
            throw new ProcessExitedException($"{command.Describe(args)} ended before it was ready:\n{output}", output);
        }

        return running;
    }

    /// <summary>Asks the process to stop as Ctrl+C would, and returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        await SendInterruptAsync();
        return await WaitForExitAsync();
    }

    /// <summary>Sends the process SIGINT (as Ctrl+C would) without waiting for it to end.</summary>
    public async Task SendInterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeout);
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

    private static ProcessStartInfo StartInfo(
        ChildCommand command, string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.LeadingArgs.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        // The child must not inherit provider keys from the machine running the tests.
        info.Environment.Remove("OPENAI_API_KEY");
        info.Environment.Remove("ANTHROPIC_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
