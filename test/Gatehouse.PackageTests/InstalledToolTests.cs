using System.Net;
using System.Text;
using Gatehouse.PackageTests.Infrastructure;
using Gatehouse.Testing;

[assembly: AssemblyFixture(typeof(InstalledTool))]

namespace Gatehouse.PackageTests;

/// <summary>
/// The tool package a newcomer installs with <c>dotnet tool install gatehouse</c> works without a checkout or
/// <c>dotnet run</c>: its version, the scanner, and the README's <c>serve --dev</c> path.
/// </summary>
public sealed class InstalledToolTests(InstalledTool tool) : IDisposable
{
    /// <summary>A token-shaped secret assigned in a settings file, as a developer might commit one.</summary>
    private static readonly string GitHubToken = "ghp_" + new string('k', 10) + "Q7vX2mL9pR4tW8zN1bC6dF3hXy";

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-installed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Version_PrintsThePackageVersionAndTheCommit()
    {
        var result = await ChildProcess.RunAsync(new(tool.Command), _directory, ["--version"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches($@"^gatehouse {Regex(tool.Version)} \(commit [0-9a-f]{{12}}\)\n$", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Scan_SampleWithASecret_NamesThePlaceNotTheValue_AndExitsOne()
    {
        var sample = Path.Combine(_directory, "settings.env");
        await File.WriteAllTextAsync(sample, $"DEBUG=1\nGITHUB_TOKEN={GitHubToken}\n", TestContext.Current.CancellationToken);

        var result = await ChildProcess.RunAsync(new(tool.Command), _directory, ["scan", sample]);

        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("settings.env:2:14: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("(secret, 40 chars", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeDev_DevTokenAndOneRequest_WorkFromTheInstalledTool()
    {
        await using var serve = await ChildProcess.ServeAsync(new(tool.Command), _directory, "4. See it audited", at => ["serve", "--dev", "--urls", at]);

        var token = await ChildProcess.RunAsync(new(tool.Command), _directory, ["dev", "token", "--user", "alice", "--groups", "dev", "--url", serve.Url]);
        Assert.True(token.ExitCode == 0, token.Error);

        using var client = new HttpClient { BaseAddress = new Uri(serve.Url) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Output.Trim());
        using var response = await client.PostAsync("demo/v1/chat/completions", new StringContent(
            """{"model":"gatehouse-demo","stream":true,"messages":[{"role":"user","content":"write a clamp function"}]}""",
            Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data: [DONE]", body, StringComparison.Ordinal);
        var search = await Eventually.ValueAsync(
            async () =>
            {
                var found = await ChildProcess.RunAsync(new(tool.Command), _directory, ["audit", "search", "--user", "alice"]);
                return found.ExitCode == 0 && found.Output.Contains(" 200 ", StringComparison.Ordinal) ? found.Output : null;
            },
            "the exchange complete (status 200) in the installed tool's audit search");
        Assert.Contains("gatehouse-demo", search, StringComparison.Ordinal);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
