using System.Security.Cryptography;
using System.Text;
using Gatehouse.Policy.Loading;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Policy.Reloading;

/// <summary>Holds the policy in force and reloads it when its file changes.</summary>
/// <remarks>
/// The current <see cref="PolicyEvaluator"/> is an immutable snapshot swapped atomically, so an exchange that read
/// <see cref="Current"/> keeps one policy from start to end. Changes are debounced on the injected
/// <see cref="TimeProvider"/>. The file is checked by polling its size and modification time (following symlinks),
/// not with a directory watcher: a watcher on the directory reacts to every write beside the policy (an audit database
/// in the same folder fires on every exchange), which cost the data path measurable CPU. An edit that does not load leaves the last good policy in force and reports every error
/// through the log and <see cref="Reloaded"/>; the gateway never runs without a policy.
/// </remarks>
public sealed class PolicyProvider : IDisposable
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PolicyProviderOptions _options;
    private readonly Lock _gate = new();
    private readonly ITimer? _poll;
    private (long Ticks, long Length) _stamp;
    private ITimer? _debounce;
    private PolicyEvaluator _current;
    private byte[] _digest;
    private bool _disposed;

    private PolicyProvider(string path, TimeProvider time, ILogger logger, PolicyProviderOptions options, PolicyDocument document, byte[] digest)
    {
        _path = path;
        _time = time;
        _logger = logger;
        _options = options;
        _current = new PolicyEvaluator(document);
        _digest = digest;
        _stamp = Stamp(path);
        if (options.Watch)
        {
            _poll = time.CreateTimer(_ => Poll(), null, options.PollInterval, options.PollInterval);
        }
    }

    /// <summary>Occurs after every reload attempt, successful or not.</summary>
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <summary>Gets the evaluator for the policy in force.</summary>
    public PolicyEvaluator Current => Volatile.Read(ref _current);

    /// <summary>Loads <paramref name="path"/> and starts watching it.</summary>
    /// <param name="path">The policy file.</param>
    /// <param name="timeProvider">The clock for debouncing.</param>
    /// <param name="logger">Receives load and reload events (ids 1300-1399).</param>
    /// <param name="options">Debounce and watch options; <see langword="null"/> for the defaults.</param>
    /// <returns>The provider, with the file's policy in force.</returns>
    /// <exception cref="PolicyLoadException">The file does not load; the exception lists every error.</exception>
    public static PolicyProvider Start(string path, TimeProvider timeProvider, ILogger logger, PolicyProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var fullPath = Path.GetFullPath(path);
        var (result, digest) = Read(fullPath);
        if (result.Document is null)
        {
            PolicyLog.StartRejected(logger, fullPath, result.Errors.Count);
            PolicyLog.Errors(logger, result.Errors);
            throw new PolicyLoadException(result.Errors);
        }

        PolicyLog.Loaded(logger, fullPath, result.Document.Rules.Count);
        return new PolicyProvider(fullPath, timeProvider, logger, options ?? new PolicyProviderOptions(), result.Document, digest);
    }

    /// <summary>Schedules a reload after the debounce interval; called when polling sees a change, callable by hosts (SIGHUP).</summary>
    public void NotifyChanged()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            PolicyLog.ChangeSeen(_logger, _path, _options.Debounce);
            _debounce?.Dispose();
            _debounce = _time.CreateTimer(_ => Reload(), null, _options.Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Reloads the file now; content identical to the policy in force is a successful no-op that raises no event.</summary>
    /// <returns>The attempt's outcome; on failure the previous policy stays in force.</returns>
    public PolicyReloadedEventArgs Reload()
    {
        PolicyReloadedEventArgs outcome;
        lock (_gate)
        {
            if (_disposed)
            {
                return new PolicyReloadedEventArgs(_current.Document, []);
            }

            var (result, digest) = Read(_path);
            if (result.Document is null)
            {
                PolicyLog.ReloadRejected(_logger, _path, result.Errors.Count);
                PolicyLog.Errors(_logger, result.Errors);
                outcome = new PolicyReloadedEventArgs(_current.Document, result.Errors);
            }
            else if (digest.AsSpan().SequenceEqual(_digest))
            {
                PolicyLog.Unchanged(_logger, _path);
                return new PolicyReloadedEventArgs(_current.Document, []);
            }
            else
            {
                _digest = digest;
                Volatile.Write(ref _current, new PolicyEvaluator(result.Document));
                PolicyLog.Loaded(_logger, _path, result.Document.Rules.Count);
                outcome = new PolicyReloadedEventArgs(result.Document, []);
            }
        }

        Reloaded?.Invoke(this, outcome);
        return outcome;
    }

    /// <summary>Stops watching the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _debounce?.Dispose();
            _poll?.Dispose();
        }
    }

    private static (PolicyLoadResult Result, byte[] Digest) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (new PolicyLoadResult { Errors = [new PolicyDiagnostic(path, 1, 1, $"cannot read the policy file: {exception.Message}")] }, []);
        }

        return (PolicyLoader.Load(text, path), SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The file's size and modification time through any symlinks (a ConfigMap swap changes both).</summary>
    private static (long Ticks, long Length) Stamp(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.LastWriteTimeUtc.Ticks, info.Length) : (0, -1);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (0, -1);
        }
    }

    private void Poll()
    {
        var stamp = Stamp(_path);
        lock (_gate)
        {
            if (stamp == _stamp)
            {
                return;
            }

            _stamp = stamp;
        }

        NotifyChanged();
    }
}
