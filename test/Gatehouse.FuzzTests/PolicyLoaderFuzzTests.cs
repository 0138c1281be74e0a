using System.Text;
using CsCheck;
using Gatehouse.Testing;
using Gatehouse.Policy.Loading;

namespace Gatehouse.FuzzTests;

/// <summary>Mutated policy files load or are refused with diagnostics; the loader never throws on what it reads.</summary>
public sealed class PolicyLoaderFuzzTests
{
    private const string Valid = """
        rules:
          - name: auth-edits-need-review
            match:
              direction: response
              tool_calls: {paths: ['**/auth/**', '**/*.pem'], names: ['edit*'], arguments: {command: ['rm -rf **']}}
            when: "!('security' in identity.groups) && request.model.startsWith('gpt')"
            effect: require_approval
            reason: "changes to authentication code need a security review"
            approval: {reviewer_groups: [security], approvals: 1, wait: 30s, expiry: 1h}
          - name: interns
            match: {groups: [interns], models: ['gpt-4*'], findings: ['aws-*'], api: [chat]}
            effect: deny
            masking: {request: mask, response: block}
            audit: metadata
          - name: everyone
            match: {}
            effect: allow
        """;

    private static readonly Gen<string> Policies = Mutations.Of(Valid, "rules: []\n", "rules:\n  - name: a\n    match: {users: [\"*\"]}\n    effect: deny\n")
        .Select(bytes => Encoding.UTF8.GetString(bytes));

    [Fact]
    public void Load_TheUnmutatedSeed_Succeeds()
    {
        var result = PolicyLoader.Load(Valid, "seed.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToString())));
    }

    [Fact]
    public Task Load_MutatedYaml_LoadsOrListsErrorsWithPositions() => FuzzBudget.RunAsync(() =>
        Policies.ForAll(yaml => FuzzBudget.Timed(() =>
        {
            var result = PolicyLoader.Load(yaml, "fuzz.yaml");

            Assert.True(result.Succeeded ^ (result.Errors.Count > 0));
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
        }), FuzzBudget.Inputs(2_000)));
}
