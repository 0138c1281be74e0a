using System.Reflection;
using System.Text.RegularExpressions;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The store seam holds: outside the provider projects no code names a provider's type or its driver; the composition
/// root chooses a provider by calling its registration method, and the data plane references no provider at all.
/// </summary>
public sealed class StoreSeamArchitectureTests
{
    private static readonly string[] ProviderAssemblies = ["Gatehouse.Storage.Sqlite", "Gatehouse.Storage.Postgres", "Gatehouse.Storage.Relational"];
    private static readonly string[] OtherAssemblies =
        ["gatehouse", "Gatehouse.Gateway", "Gatehouse.Audit", "Gatehouse.Export", "Gatehouse.Storage", "Gatehouse.Masking", "Gatehouse.Policy", "Gatehouse.Protocols"];

    [Fact]
    public void Sources_OutsideTheProviders_NameNoProviderTypeOrDriver()
    {
        var others = OtherAssemblies.Select(Assembly.Load).ToList();
        var otherNames = others.SelectMany(Names)
            .Concat(others.SelectMany(a => a.GetTypes()).SelectMany(t => (t.Namespace ?? "").Split('.')))
            .ToHashSet(StringComparer.Ordinal);

        // A provider type whose simple name another assembly also declares (as a type or a namespace) cannot be told
        // apart in text; the providers' own types carry their prefix, so these are few and generic (Schema, EntryRows).
        var providerNames = ProviderAssemblies.SelectMany(a => Names(Assembly.Load(a)))
            .Where(n => !otherNames.Contains(n) && !n.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("SqliteStore", providerNames);
        Assert.Contains("PostgresStore", providerNames);
        var pattern = new Regex(
            @"\b(Gatehouse\.Storage\.(Sqlite|Postgres|Relational)|Microsoft\.Data\.Sqlite|Npgsql|" + string.Join('|', providerNames.Select(Regex.Escape)) + @")\b",
            RegexOptions.CultureInvariant);

        var offences = SourceTree.Offences("src", pattern, relative => ProviderAssemblies.Any(p => relative.StartsWith($"src/{p}/", StringComparison.Ordinal)));
        Assert.True(offences.Count == 0, "provider types named outside the providers:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Gateway_ReferencesNoProviderAssembly()
    {
        var references = Assembly.Load("Gatehouse.Gateway").GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Gatehouse.Storage", references);
        Assert.DoesNotContain(references, r => ProviderAssemblies.Contains(r) || r is "Npgsql" or "Microsoft.Data.Sqlite");
    }

    private static IEnumerable<string> Names(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal) && !t.Name.Contains('`', StringComparison.Ordinal))
            .Select(t => t.Name);
}
