using System.Text.RegularExpressions;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Each enum that configuration, policy, APIs or the audit spell as text is named in one file: no other source file maps
/// its values to names or names to values (a switch arm, a ternary, a <c>case</c> or <c>Enum.TryParse</c>), so a second
/// table with its own spelling or case rule cannot come back.
/// </summary>
public sealed class EnumNameArchitectureTests
{
    private static readonly (string Enums, string Owner)[] Tables =
    [
        ("MaskingMode|AuditLevel|ApprovalHold|PolicyEffect|PolicyApi|PolicyDirection", "src/Gatehouse.Policy/PolicyNames.cs"),
        ("ApiKind", "src/Gatehouse.Protocols/ApiKindNames.cs"),
        ("ExchangeDecision", "src/Gatehouse.Gateway/Decisions/ExchangeDecisionNames.cs"),
        ("ReviewState|ReviewDecision", "src/Gatehouse.Storage/Approvals/ReviewNames.cs"),
    ];

    [Fact]
    public void EnumNames_AreMappedOnlyInTheirOneTable()
    {
        var root = RepositoryRoot();
        var offences = new List<string>();
        foreach (var (enums, owner) in Tables)
        {
            Assert.True(File.Exists(Path.Combine(root, owner)), owner);
            var value = $@"\b(?:[\w.]+\.)?(?:{enums})\.\w+";
            var pattern = new Regex(
                $@"{value}\s*(?:=>|\?)\s*""[a-z_.]+""" // Enum.Value => "name", Enum.Value ? "name" : ...
                + $@"|==\s*{value}\s*\?\s*""[a-z_.]+""" // x == Enum.Value ? "name" : "other"
                + $@"|""[a-z_.]+""\s*=>\s*\(?(?:true,\s*)?{value}" // "name" => Enum.Value
                + $@"|case\s+""[a-z_.]+""\s*:\s*return\s+{value}" // case "name": return Enum.Value;
                + $@"|Enum\.(?:Try)?Parse<(?:{enums})>",
                RegexOptions.CultureInvariant);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative == owner || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (pattern.Match(lines[i]) is { Success: true } match)
                    {
                        offences.Add($"{relative}:{i + 1}: {match.Value} (the names live in {owner})");
                    }
                }
            }
        }

        Assert.True(offences.Count == 0, "enum names mapped outside their table:\n" + string.Join('\n', offences));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gatehouse.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run inside the repository: Gatehouse.slnx not found above " + AppContext.BaseDirectory);
    }
}
