using Gatehouse.Policy.Loading;

namespace Gatehouse.Policy.Checking;

/// <summary>Decides a sample request against a policy: the library side of <c>gatehouse policy test</c>.</summary>
public static class PolicyTester
{
    /// <summary>Loads <paramref name="policyPath"/> and decides the sample request in <paramref name="samplePath"/>.</summary>
    /// <param name="policyPath">The policy file.</param>
    /// <param name="samplePath">The sample request JSON file.</param>
    /// <param name="timeProvider">Supplies <c>time</c> when the sample names none.</param>
    /// <param name="overrides">Overrides such as <c>--user</c> and <c>--groups</c>; <see langword="null"/> for none.</param>
    /// <returns>The decision with its trail, or the problems that prevented one.</returns>
    public static PolicyTestResult TestFiles(string policyPath, string samplePath, TimeProvider timeProvider, SampleOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(samplePath);
        var loaded = PolicyLoader.LoadFile(policyPath);
        if (loaded.Document is null)
        {
            return new PolicyTestResult { PolicyErrors = loaded.Errors };
        }

        string sample;
        try
        {
            sample = File.ReadAllText(samplePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new PolicyTestResult { SampleErrors = [$"cannot read the sample: {exception.Message}"] };
        }

        return Test(loaded.Document, sample, timeProvider, overrides);
    }

    /// <summary>Decides a sample request against a loaded policy.</summary>
    /// <param name="document">The policy.</param>
    /// <param name="sampleJson">The sample request JSON.</param>
    /// <param name="timeProvider">Supplies <c>time</c> when the sample names none.</param>
    /// <param name="overrides">Overrides such as <c>--user</c> and <c>--groups</c>; <see langword="null"/> for none.</param>
    /// <returns>The decision with its trail, or the sample's problems.</returns>
    public static PolicyTestResult Test(PolicyDocument document, string sampleJson, TimeProvider timeProvider, SampleOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sampleJson);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var reader = new SampleRequestReader();
        var context = reader.Read(sampleJson, timeProvider.GetUtcNow());
        if (context is null)
        {
            return new PolicyTestResult { SampleErrors = reader.Errors };
        }

        if (overrides is not null)
        {
            context = context with
            {
                Identity = context.Identity with
                {
                    Subject = overrides.User ?? context.Identity.Subject,
                    Groups = overrides.Groups ?? context.Identity.Groups,
                },
            };
        }

        return new PolicyTestResult { Decision = new PolicyEvaluator(document).Evaluate(context) };
    }
}
