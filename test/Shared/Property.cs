using System.Globalization;
using CsCheck;

namespace Gatehouse.Testing;

/// <summary>
/// Property tests over generated inputs, on the same sequence of inputs in every run, so that a run of the suite is
/// repeatable: a property that holds passes every time, one that fails fails every time.
/// </summary>
/// <remarks>
/// <para>The inputs are drawn one after another from a generator seeded with <see cref="Seed"/> (0 unless
/// <c>GATEHOUSE_PROPERTY_SEED</c> says otherwise). To explore new inputs, run with <c>GATEHOUSE_PROPERTY_SEED=random</c>
/// (or any number): a failure names the seed that reruns its sequence, and the CsCheck seed of the one failing input.</para>
/// <para>A generator's own randomness drawn outside the seed (a <see cref="Random"/> of its own, the clock) would make
/// the sequence differ between runs: generators take all their randomness from CsCheck.</para>
/// </remarks>
internal static class Property
{
    public const string SeedVariable = "GATEHOUSE_PROPERTY_SEED";

    /// <summary>The stream every sequence is drawn from; any fixed value would do.</summary>
    private const uint Stream = 7;

    /// <summary>The seed of this run: 0 unless <c>GATEHOUSE_PROPERTY_SEED</c> gives a number or says <c>random</c>.</summary>
    public static ulong Seed { get; } = ReadSeed(Environment.GetEnvironmentVariable(SeedVariable));

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iter"/> inputs, in order; fails on the first that fails.</summary>
    public static void ForAll<T>(this Gen<T> gen, Action<T> assert, long iter = 100, Func<T, string>? print = null)
    {
        var pcg = new PCG(Stream, Seed);
        for (var i = 0L; i < iter; i++)
        {
            var state = pcg.State;
            var input = gen.Generate(pcg, null, out _);
            try
            {
                assert(input);
            }
            catch (Exception e)
            {
                throw Failure(i, pcg, state, print is null ? Check.Print(input) : print(input), e);
            }
        }
    }

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iter"/> inputs, one after another, in order.</summary>
    public static async Task ForAllAsync<T>(this Gen<T> gen, Func<T, Task> assert, long iter = 100, Func<T, string>? print = null)
    {
        var pcg = new PCG(Stream, Seed);
        for (var i = 0L; i < iter; i++)
        {
            var state = pcg.State;
            var input = gen.Generate(pcg, null, out _);
            try
            {
                await assert(input);
            }
            catch (Exception e)
            {
                throw Failure(i, pcg, state, print is null ? Check.Print(input) : print(input), e);
            }
        }
    }

    public static void ForAll<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, long iter = 100, Func<(T1, T2), string>? print = null)
        => gen.ForAll(t => assert(t.Item1, t.Item2), iter, print);

    public static void ForAll<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, long iter = 100, Func<(T1, T2, T3), string>? print = null)
        => gen.ForAll(t => assert(t.Item1, t.Item2, t.Item3), iter, print);

    public static void ForAll<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, long iter = 100, Func<(T1, T2, T3, T4), string>? print = null)
        => gen.ForAll(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), iter, print);

    public static void ForAll<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, long iter = 100, Func<(T1, T2, T3, T4, T5), string>? print = null)
        => gen.ForAll(t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), iter, print);

    public static void ForAll<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Action<T1, T2, T3, T4, T5, T6> assert, long iter = 100, Func<(T1, T2, T3, T4, T5, T6), string>? print = null)
        => gen.ForAll(t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6), iter, print);

    public static Task ForAllAsync<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, Task> assert, long iter = 100, Func<(T1, T2), string>? print = null)
        => gen.ForAllAsync(t => assert(t.Item1, t.Item2), iter, print);

    public static Task ForAllAsync<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, Task> assert, long iter = 100, Func<(T1, T2, T3), string>? print = null)
        => gen.ForAllAsync(t => assert(t.Item1, t.Item2, t.Item3), iter, print);

    /// <summary>Checks that <paramref name="property"/> holds (returns true) on <paramref name="iter"/> inputs, in order.</summary>
    public static void ForAll<T>(this Gen<T> gen, Func<T, bool> property, long iter = 100, Func<T, string>? print = null)
        => gen.ForAll(t => Assert.True(property(t), "the property is false for this input"), iter, print);

    public static void ForAll<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> property, long iter = 100, Func<(T1, T2), string>? print = null)
        => gen.ForAll(t => property(t.Item1, t.Item2), iter, print);

    public static void ForAll<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> property, long iter = 100, Func<(T1, T2, T3), string>? print = null)
        => gen.ForAll(t => property(t.Item1, t.Item2, t.Item3), iter, print);

    private static PropertyFailedException Failure(long index, PCG pcg, ulong state, string input, Exception cause)
        => new(
            $"Input {index + 1} of the sequence with {SeedVariable}={Seed} failed (CsCheck seed \"{pcg.ToString(state)}\" " +
            $"generates it alone): {input}",
            cause);

    private static ulong ReadSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (string.Equals(text.Trim(), "random", StringComparison.OrdinalIgnoreCase))
        {
            return (ulong)Random.Shared.NextInt64(long.MaxValue);
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable} is a number or 'random', not '{text}'.");
    }
}

/// <summary>A property that failed on one input of its sequence; the message names the input and how to rerun it.</summary>
internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
