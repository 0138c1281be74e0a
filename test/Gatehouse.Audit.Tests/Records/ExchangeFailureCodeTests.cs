using System.Text.RegularExpressions;
using Gatehouse.Audit.Records;
using Gatehouse.Testing;

namespace Gatehouse.Audit.Tests.Records;

public sealed partial class ExchangeFailureCodeTests
{
    private const string Section = "## Exchange failure and refusal codes";

    [Fact]
    public void ToName_EveryCode_IsSnakeCaseAndUnique()
    {
        var names = Enum.GetValues<ExchangeFailureCode>().Select(c => c.ToName()).ToList();

        Assert.All(names, name => Assert.Matches(SnakeCase(), name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToName_UndefinedValue_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ((ExchangeFailureCode)(-1)).ToName());

    [Fact]
    public void ToName_Codes_AreTheOnesDocumentedForOperators()
    {
        var names = Enum.GetValues<ExchangeFailureCode>().Select(c => c.ToName()).Order(StringComparer.Ordinal);

        Assert.Equal(names, DocumentedCodes());
    }

    [Theory]
    [InlineData(ExchangeFailureCode.PolicyDenied, "policy_denied")]
    [InlineData(ExchangeFailureCode.AuditIntentLate, "audit_intent_late")]
    [InlineData(ExchangeFailureCode.McpToolNotAccepted, "mcp_tool_not_accepted")]
    [InlineData(ExchangeFailureCode.RequestStateExpired, "request_state_expired")]
    [InlineData(ExchangeFailureCode.ProxyTargetUnreachable, "proxy_target_unreachable")]
    public void ToName_StableNames_AreTheWireNames(ExchangeFailureCode code, string name) => Assert.Equal(name, code.ToName());

    // The first column of the table under the section's heading, up to the next heading.
    private static List<string> DocumentedCodes()
    {
        var text = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "operations.md"));
        var start = text.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/operations.md has no section '{Section}'");
        var body = text[(start + Section.Length)..];
        var end = body.IndexOf("\n## ", StringComparison.Ordinal);
        body = end < 0 ? body : body[..end];
        return [.. TableCode().Matches(body).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
