using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Mcp.Bridge;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Stdio;

/// <summary>
/// One run of a stdio MCP server: a child process whose stdin takes one JSON-RPC message per line and whose stdout
/// gives one per line (the stdio transport of every MCP revision); stderr lines are logged at Debug, cut to a length.
/// </summary>
/// <remarks>
/// Stopping follows the specification's shutdown: close stdin, wait; then SIGTERM, wait; then kill the process tree.
/// Nothing the gateway logs names the arguments or the environment's values.
/// </remarks>
internal sealed class McpStdioChannel : IMcpChannel
{
    /// <summary>The longest message line accepted on stdout: 16 MiB.</summary>
    public const int MaxMessageBytes = 16 << 20;

    private const int MaxStderrChars = 512;
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);
    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly string _connection;
    private readonly Process _process;
    private readonly Action<JsonObject> _onMessage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _stderr;
    private int _disposed;

    private McpStdioChannel(string connection, Process process, Action<JsonObject> onMessage, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _process = process;
        _onMessage = onMessage;
        _time = time;
        _logger = logger;
        Completion = Task.Run(ReadStdoutAsync);
        _stderr = Task.Run(ReadStderrAsync);
    }

    public Task Completion { get; }

    public static McpStdioChannel Start(string connection, McpStdioConfig config, Action<JsonObject> onMessage, TimeProvider time, ILogger logger)
    {
        var command = McpTransportBinder.FindCommand(config.Command)
            ?? throw Unavailable(connection, logger, $"'{config.Command}' is not found");
        var start = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = config.WorkingDirectory ?? "",
        };
        foreach (var argument in config.Args)
        {
            start.ArgumentList.Add(argument);
        }

        McpStdioEnvironment.Apply(start.Environment, Environment.GetEnvironmentVariables(), config);
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();

            // The exception's message quotes the path and directory; the error number is enough and safe.
            throw Unavailable(connection, logger, $"the command could not be run (error {ex.NativeErrorCode})");
        }

        Log.ProcessStarted(logger, connection, Path.GetFileName(command), process.Id);
        return new McpStdioChannel(connection, process, onMessage, time, logger);
    }

    public async ValueTask SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var stdin = _process.StandardInput.BaseStream;
            await stdin.WriteAsync(bytes, cancellationToken);
            await stdin.WriteAsync(NewLine, cancellationToken);
            await stdin.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var id = _process.Id;
        var how = "exited";
        if (!_process.HasExited)
        {
            await _writeLock.WaitAsync();
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Its stdin is already broken: the process is on its way out; the waits below see to it.
            }
            finally
            {
                _writeLock.Release();
            }

            how = "stdin closed";
            if (!await WaitForExitAsync(GracePeriod))
            {
                how = "SIGTERM";
                if (!PosixSignals.Terminate(id) || !await WaitForExitAsync(GracePeriod))
                {
                    how = "killed";
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }

        await _stop.CancelAsync();
        await Task.WhenAll(Completion, _stderr);
        Log.ProcessStopped(_logger, _connection, id, how);
        _process.Dispose();
        _stop.Dispose();
    }

    private static McpServerUnavailableException Unavailable(string connection, ILogger logger, string reason)
    {
        Log.StartFailed(logger, connection, reason);
        return new McpServerUnavailableException(connection, reason);
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        try
        {
            await _process.WaitForExitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReadStdoutAsync()
    {
        var reader = new McpLineReader(_process.StandardOutput.BaseStream, MaxMessageBytes);
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (Parse(line) is { } message)
                {
                    _onMessage(message);
                }
                else
                {
                    // The transport forbids anything but MCP messages on stdout; a stray line is skipped, not fatal.
                    Log.ProtocolViolation(_logger, _connection, "a line on stdout that is not a JSON-RPC message was skipped");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            Log.ProtocolViolation(_logger, _connection, ex.Message);
            _process.Kill(entireProcessTree: true);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        // stdout ends a moment before the process is reaped; a server that closed stdout and lives on is stopped by DisposeAsync.
        if (Volatile.Read(ref _disposed) == 0 && await WaitForExitAsync(GracePeriod))
        {
            Log.ProcessExited(_logger, _connection, _process.Id, _process.ExitCode);
        }
    }

    private async Task ReadStderrAsync()
    {
        var reader = new McpLineReader(_process.StandardError.BaseStream, 64 * 1024);
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    var text = Encoding.UTF8.GetString(line);
                    Log.Stderr(_logger, _connection, text.Length > MaxStderrChars ? text[..MaxStderrChars] + "…" : text);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or OperationCanceledException or IOException)
        {
            // stderr is only for logging: a line too long or a stream that breaks ends the logging, not the server.
        }
    }

    private static JsonObject? Parse(byte[] line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
