using Gatehouse.Export.Webhooks;

namespace Gatehouse.Export.Running;

/// <summary>Counts a sink's consecutive failures and gives the wait before the next attempt, by <see cref="RetryBackoff"/>.</summary>
/// <remarks>The jitter keeps several gateways whose sink went down together from retrying in lock-step.</remarks>
internal sealed class ExportBackoff(ExportRunOptions options)
{
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        _failures++;
        return RetryBackoff.Delay(_failures, options.InitialBackoff, options.MaxBackoff, options.Jitter());
    }

    public void Reset() => _failures = 0;
}
