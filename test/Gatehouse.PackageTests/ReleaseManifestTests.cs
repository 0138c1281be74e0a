using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.PackageTests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.PackageTests;

/// <summary>
/// The release tooling itself works: <c>./build.sh manifest</c> on the tool package this build packed writes its
/// CycloneDX SBOM, the licence report and a <c>sha256sum -c</c> checksum file, and the licence gate fails on a
/// dependency whose licence an Apache-2.0 product cannot ship. (The multi-runtime publish of <c>./build.sh release</c>
/// takes minutes and stays out of the suite; it runs the same manifest step.)
/// </summary>
/// <remarks>One class, so its tests run one after another: both run <c>build/Sbom.cs</c>, whose first run compiles it.</remarks>
public sealed partial class ReleaseManifestTests(InstalledTool tool) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-release-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Manifest_OfThePackedTool_WritesItsSbomTheLicenceReportAndChecksumsThatVerify()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "build.sh is a bash script");
        var package = Path.Combine(_directory, Path.GetFileName(tool.Package));
        File.Copy(tool.Package, package);

        var result = await ChildProcess.RunAsync(new("bash"), SourceTree.Root, ["build.sh", "manifest"], new Dictionary<string, string> { ["ARTIFACTS"] = _directory });

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var sbom = JsonNode.Parse(await File.ReadAllTextAsync(package + ".cdx.json", TestContext.Current.CancellationToken))!;
        Assert.Equal("CycloneDX", sbom["bomFormat"]!.GetValue<string>());
        Assert.Equal("gatehouse", sbom["metadata"]!["component"]!["name"]!.GetValue<string>());
        Assert.Equal(tool.Version, sbom["metadata"]!["component"]!["version"]!.GetValue<string>());
        var yarp = sbom["components"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Yarp.ReverseProxy")!;
        Assert.Equal("MIT", yarp["licenses"]![0]!["license"]!["id"]!.GetValue<string>());

        var report = await File.ReadAllTextAsync(Path.Combine(_directory, "licences.md"), TestContext.Current.CancellationToken);
        Assert.Matches(@"All \d+ components are compatible with Apache-2\.0\.", report);
        Assert.Contains("| Yarp.ReverseProxy | ", report, StringComparison.Ordinal);

        // The format `sha256sum -c` reads: 64 lower-case hex digits, two spaces, the file name; one line per file.
        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory, "SHA256SUMS"), TestContext.Current.CancellationToken);
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var match = ChecksumLine().Match(line);
            Assert.True(match.Success, $"not a sha256sum line: '{line}'");
            listed.Add(match.Groups["name"].Value, match.Groups["hash"].Value);
        }

        var files = Directory.GetFiles(_directory).Select(Path.GetFileName).Where(name => name != "SHA256SUMS").Order(StringComparer.Ordinal);
        Assert.Equal(files, listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hash) in listed)
        {
            await using var file = File.OpenRead(Path.Combine(_directory, name));
            Assert.Equal(hash, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, TestContext.Current.CancellationToken)));
        }
    }

    [Fact]
    public async Task Licences_ACopyleftOrUnknownLicence_IsFlaggedAndFailsTheRelease()
    {
        var sbom = Path.Combine(_directory, "gatehouse-9.9.9-linux-x64.cdx.json");
        await File.WriteAllTextAsync(sbom, """
            {
              "bomFormat": "CycloneDX", "specVersion": "1.6",
              "components": [
                { "name": "Permissive.Lib", "version": "1.0.0", "scope": "required", "licenses": [ { "license": { "id": "MIT" } } ] },
                { "name": "Either.Lib", "version": "2.0.0", "scope": "required", "licenses": [ { "expression": "GPL-2.0-only OR Apache-2.0" } ] },
                { "name": "Copyleft.Lib", "version": "3.1.0", "scope": "required", "licenses": [ { "license": { "id": "GPL-3.0-only" } } ] },
                { "name": "Unlabelled.Lib", "version": "0.4.0", "scope": "required" },
                { "name": "BuildOnly.Analyzer", "version": "5.0.0", "scope": "excluded", "licenses": [ { "license": { "id": "GPL-3.0-only" } } ] }
              ]
            }
            """, TestContext.Current.CancellationToken);
        var report = Path.Combine(_directory, "licences.md");

        var result = await ChildProcess.RunAsync(
            new("dotnet"), SourceTree.Root, ["run", "--file", Path.Combine("build", "Sbom.cs"), "--", "licences", report, sbom]);

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        var text = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        Assert.Contains("NOT compatible or unknown (2): Copyleft.Lib 3.1.0 (GPL-3.0-only); Unlabelled.Lib 0.4.0 (unknown).", text, StringComparison.Ordinal);
        Assert.Contains("| Copyleft.Lib | 3.1.0 | GPL-3.0-only | **no** | all |", text, StringComparison.Ordinal);
        Assert.Contains("| Either.Lib | 2.0.0 | GPL-2.0-only OR Apache-2.0 | yes | all |", text, StringComparison.Ordinal);
        Assert.Contains("| Permissive.Lib | 1.0.0 | MIT | yes | all |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BuildOnly.Analyzer", text, StringComparison.Ordinal);
        Assert.Contains("Copyleft.Lib", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{64})  (?<name>[^/\\s]+)$")]
    private static partial Regex ChecksumLine();
}
