using System.Text.RegularExpressions;
using Gatehouse.DeployTests.Infrastructure;

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
        var root = Repository.Root;
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "test"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            // This file spells the forms it looks for.
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) ||
                relative.EndsWith("/RepeatablePropertyTests.cs", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RandomSample().Match(lines[i]) is { Success: true } match)
                {
                    offences.Add($"{relative}:{i + 1}: {match.Value}");
                }
            }
        }

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
