using System.Text.RegularExpressions;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Shorthands for the common rule shapes of the catalog.</summary>
internal static class RuleFactory
{
    private const string Lead = "(?<![A-Za-z0-9_-])";
    private const string Tail = "(?![A-Za-z0-9_-])";

    /// <summary>Between a context keyword and its value: the rest of the name, a quote, an assignment, a quote.</summary>
    private const string Gap = @"[\w.-]{0,24}(?:\\?[""'])?\s{0,4}(?:=>|:=|[:=])\s{0,4}(?:\\?[""'])?";

    /// <summary>The furthest the last operator character of <see cref="Gap"/> lies after the keyword's end: 24 name
    /// characters, an escaped quote, four spaces and the first character of a two-character operator.</summary>
    public const int GapOperatorWithin = 24 + 2 + 4 + 1;

    /// <summary>The base64 alphabet with padding: what long opaque tokens are extended over.</summary>
    public const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-";

    public const string AlnumChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public const string HexChars = "0123456789abcdefABCDEF";

    /// <summary>A token that starts with a fixed prefix (the keyword).</summary>
    public static MaskingRule Prefixed(
        string id, string description, string prefix, string body, string exampleBody, int after = 160,
        ValueValidator? validator = null, string? extendOver = null, ValueValidator? checksum = null) =>
        new()
        {
            Id = id,
            Category = RuleCategory.Secret,
            Description = description,
            Keywords = [prefix],
            Pattern = Lead + Regex.Escape(prefix) + body + Tail,
            After = after,
            Validator = validator,
            Checksum = checksum,
            ExtendOver = extendOver,
            Example = prefix + exampleBody,
        };

    /// <summary>A token recognised by a keyword inside it; <paramref name="before"/> bounds where it may start.</summary>
    public static MaskingRule Inner(
        string id, string description, string keyword, string pattern, string example, int before, int after = 160,
        string? beforeChars = null) =>
        new()
        {
            Id = id,
            Category = RuleCategory.Secret,
            Description = description,
            Keywords = [keyword],
            Pattern = Lead + pattern + Tail,
            Before = before,
            BeforeChars = beforeChars,
            RequiresCharBefore = beforeChars is not null,
            After = after,
            Example = example,
        };

    /// <summary>A value without a distinctive format, recognised by the name it is assigned to.</summary>
    public static MaskingRule Context(
        string id, string description, string[] keywords, string value, string exampleValue, int maxValue = 100) =>
        new()
        {
            Id = id,
            Category = RuleCategory.Secret,
            Description = description,
            Keywords = keywords,
            Pattern = "(?<=(?i:" + string.Join('|', keywords.Select(Regex.Escape)) + ")" + Gap + ")" + value +
                "(?![A-Za-z0-9_+/=-])",
            After = 40 + maxValue,
            StopsAtWhitespace = false,
            StartsAfterOperator = true,
            OperatorWithin = GapOperatorWithin,
            Example = keywords[0] + " = \"" + exampleValue + "\"",
        };
}
