using System.Diagnostics;

namespace Gatehouse.Testing;

/// <summary>
/// Waits for the condition a test means (a record written, a delivery received, a state reached) rather than for a
/// span of wall-clock time.
/// </summary>
/// <remarks>
/// A wait returns as soon as its condition holds, so the generous deadline costs a passing test nothing; it only bounds
/// how long a broken test hangs. It is long on purpose: the suite runs on a shared two-core machine where a background
/// step that takes 5 ms alone can take seconds while a build or another test project loads both cores. A test that
/// needs "nothing happened" should wait for the event that would have come first, not for a pause.
/// </remarks>
internal static class Eventually
{
    /// <summary>The default deadline: 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, at the deadline.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
        => UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, at the deadline.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
        => _ = await PollAsync(async () => await condition() ? new Box<bool>(true) : null, what, timeout);

    /// <summary>Polls <paramref name="probe"/> until it gives a value (not null) and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
        => (await PollAsync(async () => await probe() is { } value ? new Box<T>(value) : null, what, timeout)).Value;

    private static async Task<Box<T>> PollAsync<T>(Func<Task<Box<T>?>> probe, string what, TimeSpan? timeout)
    {
        var deadline = timeout ?? DefaultTimeout;
        var cancellation = TestContext.Current.CancellationToken;
        var watch = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"waited {watch.Elapsed.TotalSeconds:F1} s for {what}, and it never happened");
            }

            await Task.Delay(pause, cancellation);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 50));
        }
    }

    private sealed record Box<T>(T Value);
}
