using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.FunctionalTests;

public sealed class ScanCommandTests : IDisposable
{
    private static readonly string GitHubToken = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-scan-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Scan_DirectoryWithSecrets_ListsRuleAndPlaceButNeverTheValue_AndExitsOne()
    {
        Write("src/app/settings.py", $"DEBUG = True\nGITHUB_TOKEN = \"{GitHubToken}\"\n");
        Write("src/clean.cs", "public static int Two() => 2;\n");
        Write(".git/config", $"token = {GitHubToken}\n");

        var result = await GatehouseCommand.RunAsync("scan", _directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("settings.py:2:17: github-pat (secret", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".git", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken[4..20], result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_CleanFile_ExitsZero()
    {
        var path = Write("clean.md", "Nothing to see here; call Clamp(x, 0, 10).\n");

        var result = await GatehouseCommand.RunAsync("scan", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Sarif_IsVersion210WithRuleLocationAndFingerprint()
    {
        var path = Write("deploy.sh", $"export AWS_ACCESS_KEY_ID={AwsKeyId}\n");

        var result = await GatehouseCommand.RunAsync("scan", "--format", "sarif", path);

        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Output);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("gatehouse", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var finding = run.GetProperty("results")[0];
        Assert.Equal("aws-access-key-id", finding.GetProperty("ruleId").GetString());
        var region = finding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(26, region.GetProperty("startColumn").GetInt32());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("partialFingerprints").GetProperty("gatehouse/v1").GetString()));
        Assert.DoesNotContain(AwsKeyId, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Json_ListsEachFinding()
    {
        var path = Write("two.txt", $"a={AwsKeyId}\nb={GitHubToken}\n");

        var result = await GatehouseCommand.RunAsync("scan", "--format", "json", path);

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(["aws-access-key-id", "github-pat"], json.RootElement.EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Scan_GitHubTokenWithFailingChecksum_IsReportedAsInvalidInEveryFormat_AndAValidOneAsValid()
    {
        var broken = GitHubToken[..^1] + (GitHubToken[^1] == 'A' ? 'B' : 'A');
        var path = Write("tokens.env", $"OLD={broken}\nNEW={GitHubToken}\n");

        var text = await GatehouseCommand.RunAsync("scan", path);
        var json = await GatehouseCommand.RunAsync("scan", "--format", "json", path);
        var sarif = await GatehouseCommand.RunAsync("scan", "--format", "sarif", path);

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("tokens.env:1:5: github-pat (secret, 40 chars, checksum invalid, fingerprint", text.Output, StringComparison.Ordinal);
        Assert.Contains("tokens.env:2:5: github-pat (secret, 40 chars, checksum valid, fingerprint", text.Output, StringComparison.Ordinal);
        using var findings = JsonDocument.Parse(json.Output);
        Assert.Equal(["invalid", "valid"], findings.RootElement.EnumerateArray().Select(f => f.GetProperty("checksum").GetString()));
        using var report = JsonDocument.Parse(sarif.Output);
        var results = report.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(["invalid", "valid"], results.EnumerateArray().Select(r => r.GetProperty("properties").GetProperty("checksum").GetString()));
        foreach (var output in new[] { text.Output, json.Output, sarif.Output })
        {
            Assert.DoesNotContain(broken[4..20], output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scan_PublishedExampleKey_IsReportedAsAPlaceholderInEveryFormat_AndARealOneIsNot()
    {
        var path = Write("keys.md", $"Example: AKIAIOSFODNN7EXAMPLE\nYours: {AwsKeyId}\n");

        var text = await GatehouseCommand.RunAsync("scan", path);
        var json = await GatehouseCommand.RunAsync("scan", "--format", "json", path);
        var sarif = await GatehouseCommand.RunAsync("scan", "--format", "sarif", path);

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("keys.md:1:10: aws-access-key-id (secret, 20 chars, placeholder, fingerprint", text.Output, StringComparison.Ordinal);
        Assert.Contains("keys.md:2:8: aws-access-key-id (secret, 20 chars, fingerprint", text.Output, StringComparison.Ordinal);
        using var findings = JsonDocument.Parse(json.Output);
        Assert.Equal([true, false], findings.RootElement.EnumerateArray().Select(f => f.TryGetProperty("placeholder", out var p) && p.GetBoolean()));
        Assert.False(findings.RootElement[1].TryGetProperty("placeholder", out _));
        using var report = JsonDocument.Parse(sarif.Output);
        var first = report.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.True(first.GetProperty("properties").GetProperty("placeholder").GetBoolean());
    }

    [Fact]
    public async Task Scan_Json_RuleWithoutAChecksum_LeavesTheFieldOut()
    {
        var path = Write("aws.txt", $"a={AwsKeyId}\n");

        var result = await GatehouseCommand.RunAsync("scan", "--format", "json", path);

        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement[0].TryGetProperty("checksum", out _));
    }

    [Fact]
    public async Task Scan_Redact_WritesTheMaskedTextToOutput()
    {
        var path = Write("env", $"TOKEN={GitHubToken}\nNAME=demo\n");

        var result = await GatehouseCommand.RunAsync("scan", "--redact", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("TOKEN=[MASKED:github-pat]\nNAME=demo\n", result.Output);
        Assert.Contains("github-pat", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_RedactWithADirectory_IsAUsageError()
    {
        var result = await GatehouseCommand.RunAsync("scan", "--redact", _directory);

        Assert.Equal(2, result.ExitCode);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
