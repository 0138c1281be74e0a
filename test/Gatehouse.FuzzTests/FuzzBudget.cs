using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.FuzzTests;

/// <summary>
/// How long each fuzz target runs: <c>GATEHOUSE_FUZZ_SECONDS</c> (default 5) per target, and how long one input may
/// take before it counts as a hang.
/// </summary>
public static class FuzzBudget
{
    public const string Variable = "GATEHOUSE_FUZZ_SECONDS";

    /// <summary>
    /// The longest one input may take, by the wall clock: far above any real cost (microseconds), and above what a
    /// first call's JIT plus a fully loaded machine add to it, yet far below a hang or an exponential blow-up.
    /// </summary>
    public static readonly TimeSpan PerInput = TimeSpan.FromSeconds(15);

    public static int Seconds
        => int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 5;

    /// <summary>
    /// Runs <paramref name="fuzz"/> (a time-boxed CsCheck sample) off the test thread and fails if it overruns its
    /// budget by far: an input that never returns is a hang, not a slow test.
    /// </summary>
    public static Task RunAsync(Action<int> fuzz)
        => Task.Run(() => fuzz(Seconds), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(Seconds + 60), TestContext.Current.CancellationToken);

    /// <summary>Runs one input and fails if it took longer than <see cref="PerInput"/>.</summary>
    public static void Timed(Action input)
    {
        var watch = Stopwatch.StartNew();
        input();
        Assert.True(watch.Elapsed < PerInput, $"one input took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
