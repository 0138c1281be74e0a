namespace Gatehouse.Export.Running;

/// <summary>Exponential backoff with jitter: the n-th consecutive failure waits a random time in [d/2, d], d = initial·2ⁿ⁻¹ capped.</summary>
/// <remarks>The jitter keeps several gateways whose sink went down together from retrying in lock-step.</remarks>
internal sealed class ExportBackoff(ExportRunOptions options)
{
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        _failures++;
        var exponent = Math.Min(_failures - 1, 30);
        var ceiling = Math.Min(options.MaxBackoff.Ticks, options.InitialBackoff.Ticks * (1L << exponent));
        if (ceiling <= 0 || ceiling > options.MaxBackoff.Ticks)
        {
            ceiling = options.MaxBackoff.Ticks;
        }

        var half = ceiling / 2;
        return TimeSpan.FromTicks(half + (long)(Math.Clamp(options.Jitter(), 0, 1) * (ceiling - half)));
    }

    public void Reset() => _failures = 0;
}
