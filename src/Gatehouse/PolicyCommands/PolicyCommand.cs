using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Policy;
using Gatehouse.Policy.Checking;

namespace Gatehouse.PolicyCommands;

/// <summary><c>gatehouse policy lint|test</c>: check a policy file in CI before it reaches a gateway.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var policy = new Command("policy", "Check policy files: every error with its line and column, and decisions on sample requests.");
        policy.Subcommands.Add(LintCommand());
        policy.Subcommands.Add(TestCommand());
        return policy;
    }

    private static Command LintCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy YAML file." };
        var command = new Command("lint", "Load a policy and list every error (file:line:column: message).\nExit codes: 0 valid; 1 the policy has errors; 2 invalid command line.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                parse.InvocationConfiguration.Error.WriteLine($"gatehouse: there is no file '{path}'");
                return ExitCodes.Usage;
            }

            var errors = PolicyLinter.LintFile(path);
            foreach (var error in errors)
            {
                parse.InvocationConfiguration.Output.WriteLine(error.ToString());
            }

            parse.InvocationConfiguration.Output.WriteLine(errors.Count == 0 ? "policy: valid" : $"policy: {errors.Count} error(s)");
            return errors.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command TestCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy YAML file." };
        var request = new Option<FileInfo>("--request", "-r") { Description = "A sample exchange as JSON (see docs/policy.md).", Required = true, HelpName = "FILE" };
        var user = new Option<string?>("--user", "-u") { Description = "Decide as this user instead of the sample's.", HelpName = "USER" };
        var groups = new Option<string?>("--groups", "-g") { Description = "Comma-separated groups instead of the sample's.", HelpName = "G1,G2" };
        var command = new Command(
            "test",
            "Decide a sample exchange and print the decision and the trail of rules that matched.\n" +
            "Exit codes: 0 allowed; 1 denied or held for approval; 2 invalid command line, policy or sample.")
        {
            file, request, user, groups,
        };
        command.SetAction(parse =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var overrides = new SampleOverrides
            {
                User = parse.GetValue(user),
                Groups = parse.GetValue(groups)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            var policyPath = parse.GetValue(file)!.FullName;
            var samplePath = parse.GetValue(request)!.FullName;
            foreach (var missing in new[] { policyPath, samplePath }.Where(p => !File.Exists(p)))
            {
                error.WriteLine($"gatehouse: there is no file '{missing}'");
                return ExitCodes.Usage;
            }

            var result = PolicyTester.TestFiles(policyPath, samplePath, TimeProvider.System, overrides);
            foreach (var problem in result.PolicyErrors.Select(e => e.ToString()).Concat(result.SampleErrors))
            {
                error.WriteLine(problem);
            }

            if (result.Decision is not { } decision)
            {
                return ExitCodes.Usage;
            }

            output.Write(PolicyDecisionFormatter.Format(decision));
            return decision.Effect == PolicyEffect.Allow ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
