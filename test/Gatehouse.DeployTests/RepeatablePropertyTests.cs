using System.Text.RegularExpressions;
using Gatehouse.Testing;

namespace Gatehouse.DeployTests;

/// <summary>
/// Every property test in the suite draws its inputs through <c>ForAll</c> (test/Shared/Property.cs), from a fixed seed:
/// a generator sampled with a fresh random seed on every run makes the suite fail at random, as it once did in CI.
/// </summary>
public sealed partial class RepeatablePropertyTests
{
    [Fact]
    public void TestSources_SampleNoGeneratorWithARandomSeed()
    {
        // This file spells the forms it looks for.
        var offences = SourceTree.Offences("test", RandomSample(), relative => relative.EndsWith("/RepeatablePropertyTests.cs", StringComparison.Ordinal));
        Assert.True(offences.Count == 0, "use ForAll/ForAllAsync (a fixed seed), not CsCheck's random sampling:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Pattern_FindsEveryFormOfRandomSampling()
    {
        // The scan above is only as good as its pattern: each of these once stood in the suite.
        Assert.Matches(RandomSample(), "Texts.Sample(text => Check(text), iter: 100);");
        Assert.Matches(RandomSample(), "await gen.SampleAsync(async (a, b) => await Run(a, b), time: 5);");
        Assert.Matches(RandomSample(), "Gen.Int.Sample(i => Assert.True(i == i))");
        Assert.Matches(RandomSample(), "gen.SampleOne()");
        Assert.DoesNotMatch(RandomSample(), "texts.ForAll(text => Check(text), iter: 100);");
        Assert.DoesNotMatch(RandomSample(), "var sample = Samples(x);");
    }

    [GeneratedRegex(@"\.Sample(Async|One)?\(", RegexOptions.CultureInvariant)]
    private static partial Regex RandomSample();
}
