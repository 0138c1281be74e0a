using System.Reflection;
using System.Text.RegularExpressions;
using Gatehouse.Testing;

namespace Gatehouse.PackageTests.Infrastructure;

/// <summary>
/// The <c>gatehouse</c> tool package, packed from this build and installed into a temporary tool path exactly as
/// <c>dotnet tool install</c> installs it for a user, once for every test of the assembly.
/// </summary>
/// <remarks>
/// The install reads only the freshly packed package: a NuGet configuration that clears every other source, and a
/// packages folder of its own, so that neither a registry nor a package cached by another build of the same version can
/// stand in for the one under test.
/// </remarks>
public sealed partial class InstalledTool : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("gatehouse-tool-").FullName;

    /// <summary>Gets the package version, as read from the packed file's name.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Gets the path of the packed <c>.nupkg</c> the tool was installed from.</summary>
    public string Package { get; private set; } = "";

    /// <summary>Gets the path of the installed <c>gatehouse</c> command.</summary>
    public string Command => Path.Combine(_root, "tools", OperatingSystem.IsWindows() ? "gatehouse.exe" : "gatehouse");

    public async ValueTask InitializeAsync()
    {
        var feed = Path.Combine(_root, "feed");
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(SourceTree.Root, "src", "Gatehouse", "Gatehouse.csproj");
        await Dotnet("pack", project, "-c", configuration, "--no-build", "-nologo", "-o", feed);

        Package = Directory.GetFiles(feed, "gatehouse.*.nupkg").Single();
        Version = PackageVersion().Match(Path.GetFileName(Package)).Groups[1].Value;

        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await Dotnet("tool", "install", "gatehouse", "--tool-path", Path.Combine(_root, "tools"),
            "--configfile", config, "--version", Version);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task Dotnet(params string[] args)
    {
        var result = await ChildProcess.RunAsync(new("dotnet"), _root, args, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Output}\n{result.Error}");
        }
    }

    [GeneratedRegex(@"^gatehouse\.(.+)\.nupkg$")]
    private static partial Regex PackageVersion();
}
