using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.FuzzTests;

/// <summary>
/// How many inputs each fuzz target tries, and how long one input may take before it counts as a hang.
/// </summary>
/// <remarks>
/// A suite run tries each target's own default number of inputs, drawn from the fixed seed of
/// <see cref="Gatehouse.Testing.Property"/>, so every run tries the same inputs and a failure is repeatable. To explore, raise the count
/// and draw new inputs: <c>GATEHOUSE_FUZZ_INPUTS=1000000 GATEHOUSE_PROPERTY_SEED=random</c>.
/// </remarks>
public static class FuzzBudget
{
    public const string Variable = "GATEHOUSE_FUZZ_INPUTS";

    /// <summary>
    /// The longest one input may take, by the wall clock: far above any real cost (microseconds), and above what a
    /// first call's JIT plus a fully loaded machine add to it, yet far below a hang or an exponential blow-up.
    /// </summary>
    public static readonly TimeSpan PerInput = TimeSpan.FromSeconds(15);

    /// <summary>How long a whole target may run before it counts as hung (an input that never returns).</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(5);

    /// <summary>The number of inputs to try: <c>GATEHOUSE_FUZZ_INPUTS</c> when set, else the target's own default.</summary>
    public static long Inputs(long suiteDefault)
        => long.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var inputs) && inputs > 0
            ? inputs
            : suiteDefault;

    /// <summary>
    /// Runs <paramref name="fuzz"/> off the test thread and fails if it never returns: an input that never returns is a
    /// hang, not a slow test. Only an explicit <c>GATEHOUSE_FUZZ_INPUTS</c> lifts the bound.
    /// </summary>
    public static Task RunAsync(Action fuzz)
    {
        var run = Task.Run(fuzz, TestContext.Current.CancellationToken);
        return Environment.GetEnvironmentVariable(Variable) is null
            ? run.WaitAsync(Hang, TestContext.Current.CancellationToken)
            : run;
    }

    /// <summary>Runs one input and fails if it took longer than <see cref="PerInput"/>.</summary>
    public static void Timed(Action input)
    {
        var watch = Stopwatch.StartNew();
        input();
        Assert.True(watch.Elapsed < PerInput, $"one input took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
