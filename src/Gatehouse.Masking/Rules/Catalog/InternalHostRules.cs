using System.Text.RegularExpressions;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Builds rules from internal host patterns: <c>*.corp.example.com</c> or an exact host name.</summary>
internal static partial class InternalHostRules
{
    private const string PathAndPort = @"(?::[0-9]{1,5})?(?:/[^\s""'<>\\]{0,200})?";

    public static string IdFor(int index) => index == 0 ? "internal-host" : $"internal-host-{index + 1}";

    public static bool IsValidPattern(string? pattern) => pattern is not null && HostPattern().IsMatch(pattern);

    public static MaskingRule Create(string pattern, int index)
    {
        var wildcard = pattern.StartsWith("*.", StringComparison.Ordinal);
        var domain = wildcard ? pattern[2..] : pattern;
        var escaped = Regex.Escape(domain);
        var host = wildcard
            ? @"(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]{1,63}\.){1,6}" + escaped
            : @"(?<![A-Za-z0-9.-])" + escaped;
        return new MaskingRule
        {
            Id = IdFor(index),
            Category = RuleCategory.Internal,
            Description = "Internal host or URL matching " + pattern,
            Keywords = [wildcard ? "." + domain : domain],
            Pattern = host + @"(?!\.?[A-Za-z0-9-])" + PathAndPort,
            Before = wildcard ? 200 : 0,
            BeforeChars = RuleFactory.AlnumChars + ".-",
            RequiresCharBefore = wildcard,
            After = 210,
            Example = "https://" + (wildcard ? "build01." + domain : domain) + "/jobs/42",
        };
    }

    [GeneratedRegex(@"^(?:\*\.)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
