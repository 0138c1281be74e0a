using System.CommandLine;
using Gatehouse.Cli;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking;

namespace Gatehouse.Scan;

/// <summary>
/// <c>gatehouse scan</c>: the gateway's masking engine over files, directories and standard input, for pre-commit hooks
/// and CI. Findings name the rule, place and fingerprint, never the value.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or directories to scan (recursively), or - for standard input. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: text (one line per finding), json, or sarif (SARIF 2.1.0 for code-scanning tools).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var redact = new Option<bool>("--redact")
        {
            Description = "Write the input with every finding masked to standard output (one input only); findings go to standard error.",
        };
        var config = CommonOptions.Config();
        var command = new Command(
            "scan",
            "Find secrets and PII with the same rules the gateway masks with.\n" +
            "Exit codes: 0 nothing found; 1 something was found; 2 invalid command line or configuration.")
        {
            paths, format, redact, config,
        };
        command.SetAction((parse, ct) => RunAsync(parse, paths, format, redact, config, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Argument<string[]> pathsArgument, Option<string> formatOption, Option<bool> redactOption, Option<FileInfo?> configOption, CancellationToken cancellationToken)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var paths = parse.GetValue(pathsArgument) is { Length: > 0 } given ? given : ["."];
        var redact = parse.GetValue(redactOption);
        if (redact && (paths.Length != 1 || Directory.Exists(paths[0])))
        {
            await error.WriteLineAsync("gatehouse: --redact takes exactly one file or - (standard input)");
            return ExitCodes.Usage;
        }

        var options = new MaskingOptions();
        if (CommonOptions.ResolveConfigPath(parse.GetValue(configOption)) is { } configPath)
        {
            var loaded = GatehouseConfigLoader.Load(configPath, Environment.GetEnvironmentVariables(), dev: true);
            if (!loaded.Success)
            {
                await error.WriteAsync(loaded.FormatErrors());
                return ExitCodes.Usage;
            }

            options = loaded.Config!.Masking.Engine;
        }

        var engine = new MaskingEngine(options);
        var findings = new List<ScanFinding>();
        foreach (var path in ScanInputs.Files(paths, error))
        {
            var text = await ScanInputs.ReadAsync(path, Console.In, error, cancellationToken);
            if (text is null)
            {
                continue;
            }

            var result = engine.Mask(text);
            var lines = new LineIndex(text);
            foreach (var finding in result.Findings)
            {
                var (line, column) = lines.Locate(finding.Offset);
                findings.Add(new ScanFinding(
                    path, line, column, finding.Length, finding.RuleId, FindingCategory(finding.Category), finding.Fingerprint,
                    Gateway.Masking.FindingNames.Checksum(finding.Checksum), Gateway.Masking.FindingNames.Placeholder(finding)));
            }

            if (redact)
            {
                await output.WriteAsync(result.TextOr(text));
            }
        }

        await ScanOutput.WriteAsync(redact ? error : output, parse.GetValue(formatOption)!, findings, engine.Rules);
        return findings.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static string FindingCategory(RuleCategory category) => Gateway.Masking.FindingNames.Category(category);
}
