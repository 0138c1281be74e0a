using System.Text.RegularExpressions;
using Gatehouse.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Each enum that configuration, policy, APIs or the audit spell as text is named in one file: no other source file maps
/// its values to names or names to values (a switch arm, a ternary, a <c>case</c>, a <c>NameTable</c> entry or
/// <c>Enum.TryParse</c>), so a second table with its own spelling or case rule cannot come back.
/// </summary>
public sealed class EnumNameArchitectureTests
{
    private static readonly (string Enums, string Owner)[] Tables =
    [
        ("MaskingMode|AuditLevel|ApprovalHold|PolicyEffect|PolicyApi|PolicyDirection", "src/Gatehouse.Policy/PolicyNames.cs"),
        ("ApiKind", "src/Gatehouse.Protocols/ApiKindNames.cs"),
        ("ExchangeDecision", "src/Gatehouse.Gateway/Decisions/ExchangeDecisionNames.cs"),
        ("ReviewState|ReviewDecision|ReviewEventKind", "src/Gatehouse.Storage/Approvals/ReviewNames.cs"),
        ("ResponseHoldOutcome", "src/Gatehouse.Audit/Records/ResponseHoldOutcomeNames.cs"),
        ("AuditFailureMode|McpUpstreamTransport|McpStdioScope|WebhookFormat", "src/Gatehouse.Gateway/Configuration/ConfigNames.cs"),
        ("StoreDurability", "src/Gatehouse.Storage/StoreDurabilityNames.cs"),
    ];

    [Fact]
    public void EnumNames_AreMappedOnlyInTheirOneTable()
    {
        var offences = new List<string>();
        foreach (var (enums, owner) in Tables)
        {
            Assert.True(File.Exists(Path.Combine(SourceTree.Root, owner)), owner);
            var value = $@"\b(?:[\w.]+\.)?(?:{enums})\.\w+";
            var pattern = new Regex(
                $@"{value}\s*(?:=>|\?)\s*""[a-z_.]+""" // Enum.Value => "name", Enum.Value ? "name" : ...
                + $@"|==\s*{value}\s*\?\s*""[a-z_.]+""" // x == Enum.Value ? "name" : "other"
                + $@"|""[a-z_.]+""\s*=>\s*\(?(?:true,\s*)?{value}" // "name" => Enum.Value
                + $@"|case\s+""[a-z_.]+""\s*:\s*return\s+{value}" // case "name": return Enum.Value;
                + $@"|\(\s*{value}\s*,\s*""[a-z_.]+""\s*\)" // new NameTable<Enum>((Enum.Value, "name"), ...)
                + $@"|Enum\.(?:Try)?Parse<(?:{enums})>",
                RegexOptions.CultureInvariant);
            offences.AddRange(SourceTree.Offences("src", pattern, relative => relative == owner).Select(o => $"{o} (the names live in {owner})"));
        }

        Assert.True(offences.Count == 0, "enum names mapped outside their table:\n" + string.Join('\n', offences));
    }
}
