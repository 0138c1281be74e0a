#:property PublishAot=false
// Release helpers for ./build.sh over CycloneDX SBOMs, using nothing but the .NET SDK:
//   add-runtime-packs SBOM DEPS_JSON   list the .NET runtime packs a self-contained executable carries as components
//   licences REPORT SBOM...            write the licence report of every component; exit 1 if one is not compatible with Apache-2.0
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

return args switch
{
    ["add-runtime-packs", var sbom, var deps] => AddRuntimePacks(sbom, deps),
    ["licences", var report, .. var sboms] when sboms.Length > 0 => Licences(report, sboms),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Sbom.cs add-runtime-packs SBOM DEPS_JSON | licences REPORT SBOM...");
    return 2;
}

// The runtime packs are not NuGet dependencies of the project (the SDK picks them), so the SBOM tool does not see them;
// the deps.json of the publish names each one and its version. Both are MIT, as their package metadata says.
static int AddRuntimePacks(string sbomPath, string depsPath)
{
    var sbom = JsonNode.Parse(File.ReadAllText(sbomPath))!.AsObject();
    var deps = JsonNode.Parse(File.ReadAllText(depsPath))!.AsObject();
    var components = sbom["components"] as JsonArray ?? [];
    sbom["components"] = components;
    foreach (var (key, value) in deps["libraries"]!.AsObject())
    {
        if (value?["type"]?.GetValue<string>() != "runtimepack")
        {
            continue;
        }

        var nameAndVersion = key["runtimepack.".Length..].Split('/');
        var purl = $"pkg:nuget/{nameAndVersion[0]}@{nameAndVersion[1]}";
        components.Add(new JsonObject
        {
            ["type"] = "framework",
            ["bom-ref"] = purl,
            ["name"] = nameAndVersion[0],
            ["version"] = nameAndVersion[1],
            ["scope"] = "required",
            ["purl"] = purl,
            ["licenses"] = new JsonArray(new JsonObject { ["license"] = new JsonObject { ["id"] = "MIT" } }),
        });
    }

    File.WriteAllText(sbomPath, sbom.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

static int Licences(string reportPath, string[] sbomPaths)
{
    // Permissive licences an Apache-2.0 product may ship: their terms add at most a notice to keep.
    string[] compatible = ["Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD", "Unlicense", "Zlib", "MS-PL", "PostgreSQL"];
    var rows = new SortedDictionary<string, (string Licence, SortedSet<string> Artifacts)>(StringComparer.OrdinalIgnoreCase);
    foreach (var path in sbomPaths)
    {
        var artifact = Path.GetFileName(path)[..^".cdx.json".Length];
        var sbom = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var component in sbom["components"]?.AsArray() ?? [])
        {
            // Build-time only (analyzers, the version tool): in the SBOM for completeness, never shipped.
            if (component!["scope"]?.GetValue<string>() == "excluded")
            {
                continue;
            }

            var id = $"{component["name"]} {component["version"]}";
            if (!rows.TryGetValue(id, out var row))
            {
                row = (Licence(component), new SortedSet<string>(StringComparer.Ordinal));
                rows[id] = row;
            }

            row.Artifacts.Add(artifact);
        }
    }

    var incompatible = rows.Where(r => !IsCompatible(r.Value.Licence, compatible)).Select(r => $"{r.Key} ({r.Value.Licence})").ToList();
    var report = new StringBuilder()
        .AppendLine("# Licences of Gatehouse's dependencies")
        .AppendLine()
        .AppendLine("Gatehouse is licensed under Apache-2.0. Every component below ships in at least one release artifact")
        .AppendLine("(build-time tools such as analyzers are left out);")
        .AppendLine($"compatible licences: {string.Join(", ", compatible)}.")
        .AppendLine()
        .AppendLine(incompatible.Count == 0
            ? $"All {rows.Count} components are compatible with Apache-2.0."
            : $"NOT compatible or unknown ({incompatible.Count}): {string.Join("; ", incompatible)}.")
        .AppendLine()
        .AppendLine("| component | version | licence | compatible | artifacts |")
        .AppendLine("|---|---|---|---|---|");
    foreach (var (id, (licence, artifacts)) in rows)
    {
        var (name, version) = (id[..id.IndexOf(' ', StringComparison.Ordinal)], id[(id.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var which = artifacts.Count == sbomPaths.Length ? "all" : string.Join(", ", artifacts);
        report.AppendLine($"| {name} | {version} | {licence} | {(IsCompatible(licence, compatible) ? "yes" : "**no**")} | {which} |");
    }

    File.WriteAllText(reportPath, report.ToString());
    Console.Error.WriteLine(incompatible.Count == 0
        ? $"licences: all {rows.Count} components compatible with Apache-2.0"
        : $"licences: {incompatible.Count} not compatible or unknown: {string.Join("; ", incompatible)}");
    return incompatible.Count == 0 ? 0 : 1;
}

static string Licence(JsonNode component)
{
    var names = new List<string>();
    foreach (var entry in component["licenses"]?.AsArray() ?? [])
    {
        if (entry!["expression"] is { } expression)
        {
            names.Add(expression.GetValue<string>());
        }
        else if (entry["license"] is { } licence)
        {
            names.Add(licence["id"]?.GetValue<string>() ?? licence["name"]?.GetValue<string>() ?? licence["url"]?.GetValue<string>() ?? "unknown");
        }
    }

    return names.Count == 0 ? "unknown" : string.Join(" AND ", names);
}

// An SPDX expression is compatible when every alternative of an OR has one compatible side and every AND part is compatible.
static bool IsCompatible(string licence, string[] compatible) =>
    licence.Split(" AND ").All(part =>
        part.Trim('(', ')', ' ').Split(" OR ").Any(choice => compatible.Contains(choice.Trim('(', ')', ' '), StringComparer.OrdinalIgnoreCase)));
