using System.Diagnostics;
using System.Text;

namespace Gatehouse.Testing;

/// <summary>
/// Runs a command as a child process, as a person would from a terminal: to its end (<see cref="RunAsync"/>), or as a
/// server that is used once its output says it is ready (<c>ServeAsync</c>, <see cref="StartAsync"/>).
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

    /// <summary>The plain-HTTP URL the process serves, when it was started by <c>ServeAsync</c>.</summary>
    public string Url => Urls.Count > 0 ? Urls[0] : "";

    /// <summary>Every URL the process was started with by <c>ServeAsync</c>, <see cref="Url"/> first.</summary>
    public IReadOnlyList<string> Urls { get; private set; } = [];

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
    public static Task<ChildProcess> ServeAsync(
        ChildCommand command, string workingDirectory, string readyText, Func<string, string[]> args, IReadOnlyDictionary<string, string>? environment = null)
        => ServeAsync(command, workingDirectory, readyText, urls => args(urls.Url), environment);

    /// <summary>
    /// Starts a server on free ports (<paramref name="args"/> asks <see cref="ServeUrls"/> for each listener it needs) and
    /// waits until its output contains <paramref name="readyText"/>; if another process took any of those ports before the
    /// server bound it, it starts again with every port chosen anew.
    /// <c>freePort</c> picks each port (a free one by default); a test of this retry hands out a taken one.
    /// </summary>
    public static async Task<ChildProcess> ServeAsync(
        ChildCommand command, string workingDirectory, string readyText, Func<ServeUrls, string[]> args,
        IReadOnlyDictionary<string, string>? environment = null, Func<System.Net.IPAddress, int>? freePort = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var urls = new ServeUrls(freePort);
            try
            {
                var started = await StartAsync(command, workingDirectory, readyText, args(urls), environment);
                started.Urls = [.. urls.All];
                return started;
            }
            catch (ProcessExitedException error) when (attempt < 5 && error.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // A port was free when ServeUrls looked, and another process bound it first.
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
        // A child that inherited SIGINT ignored (the tests were started as a background job of a non-interactive
        // shell) installs no handler and would never stop: say so now rather than wait out the timeout.
        Assert.False(IgnoresInterrupt(_process.Id),
            "the child process ignores SIGINT, inherited from the shell that started the tests (a background job of a non-interactive shell): run them from a foreground shell or through ./test.sh, which resets it");
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Sends the process SIGTERM (as a service manager or an orchestrator does) without waiting for it to end.</summary>
    public async Task SendTerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
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

    // Bit (n - 1) of /proc/<pid>/status SigIgn is set when signal n is ignored; SIGINT is 2. False where there is no /proc.
    private static bool IgnoresInterrupt(int pid)
    {
        string? line;
        try
        {
            line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            // No /proc (not Linux), or the process has already ended: nothing to warn about.
            return false;
        }

        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
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
