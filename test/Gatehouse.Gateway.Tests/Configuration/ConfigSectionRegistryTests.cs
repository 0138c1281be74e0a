using System.Collections;
using System.Text.RegularExpressions;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Sections;
using Gatehouse.Testing;

namespace Gatehouse.Gateway.Tests.Configuration;

public sealed partial class ConfigSectionRegistryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatehouse-sections-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Registry_TopLevelKeys_AreExactlyTheKeysDocumentedInConfigurationMd()
    {
        var documented = DocumentedKeys();
        var registered = ConfigSections.All.Select(s => s.Key).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(documented);
        Assert.Equal(documented, registered);
    }

    [Fact]
    public void Registry_EachSection_IsValidatedAfterTheSectionsItDependsOn()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in ConfigSections.All)
        {
            foreach (var dependency in section.DependsOn)
            {
                Assert.True(seen.Contains(dependency), $"{section.Key} depends on {dependency}, which is not registered before it");
            }

            Assert.True(seen.Add(section.Key), $"{section.Key} is registered twice");
        }
    }

    [Fact]
    public void Load_UnknownTopLevelKey_NamesEveryRegisteredKey()
    {
        var result = GatehouseConfigLoader.Load(Write("servr:\n  urls: [http://127.0.0.1:1]\n"), new Hashtable());

        var error = Assert.Single(result.Errors);
        Assert.Equal("servr", error.Path);
        var known = string.Join(", ", ConfigSections.All.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal($"unknown key (known keys here: {known})", error.Message);
    }

    [Fact]
    public void Load_ConnectionAfterOneThatCannotBind_ReportsItsErrorsAtItsOwnIndex()
    {
        var result = GatehouseConfigLoader.Load(Write("""
            connections:
              - upstream: https://a.example.com
              - name: healthz
                upstream: https://b.example.com
              - name: c
                upstream: htp://c
                kind: gemini
            """), new Hashtable());

        var paths = result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["connections[0].name", "connections[1].name", "connections[2].kind", "connections[2].upstream"], paths);
    }

    [Fact]
    public void Load_ProxyInterceptAfterOneThatCannotBind_ReportsTheUnknownConnectionAtItsOwnIndex()
    {
        var result = GatehouseConfigLoader.Load(Write("""
            connections:
              - name: a
                upstream: https://a.example.com
            proxy:
              listen: http://127.0.0.1:3128
              tunnel: ["*.example.org"]
              intercept:
                - host: x.example.com
                - host: y.example.com
                  connection: nope
            """), new Hashtable());

        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("proxy.intercept[0].connection", paths);
        Assert.Contains("proxy.intercept[1].connection", paths);
        Assert.Contains(result.Errors, e => e.Path == "proxy.intercept[1].connection" && e.Message.StartsWith("'nope' is not a configured connection", StringComparison.Ordinal));
    }

    private static List<string> DocumentedKeys()
    {
        var text = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "configuration.md"));
        return [.. TopLevelHeading().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A reference section is a level-2 heading that is exactly one key in backticks, such as <c>## `server`</c>.</summary>
    [GeneratedRegex(@"^## `([A-Za-z]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex TopLevelHeading();
}
