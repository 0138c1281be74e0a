namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>
/// Published documentation examples of credential formats, recognised so that a finding can say it is one
/// (<see cref="Finding.Placeholder"/>). Only exact published values and tight documented shapes: a value that merely
/// resembles an example is not one.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>aws-access-key-id</c>: the key ids of AWS's documentation, all 20 characters ending in <c>EXAMPLE</c>
/// (<c>AKIAIOSFODNN7EXAMPLE</c>); a random key id ends so with odds of 1 in 32^7.</item>
/// <item><c>aws-secret-access-key</c>: AWS's documented secrets ending in <c>EXAMPLEKEY</c>
/// (<c>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</c>).</item>
/// <item><c>aws-session-token</c>, <c>generic-secret</c>, <c>jwt</c>: exact values published in AWS's SDK
/// documentation, RFC 7519 (section 3.1) and jwt.io.</item>
/// <item><c>url-credentials</c>: the pairs <c>user:pass</c>, <c>user:password</c>, <c>username:pass</c>,
/// <c>username:password</c> on any host, and any credentials on a host of a domain reserved for documentation by
/// RFC 2606 (<c>example.com</c>, <c>example.net</c>, <c>example.org</c> and their subdomains, and the
/// <c>.example</c>, <c>.test</c> and <c>.invalid</c> top-level domains), where no credential can work.</item>
/// </list>
/// </remarks>
internal static class PublishedExamples
{
    private static readonly string[] Values =
    [
        // AWS SDK documentation: an example session token and an S3 continuation token.
        "IQoJb3JpZ2luX2VjEOz////////////////////wEXAMPLEtMSJHMEUCIDoKK3JH9uGQE1z0sINr5M4jk+Na8KHDcCYRVjJCZEvOAiEA3OvJGtw1EcViOleS2vhs8VdCKFJQWPQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
        "1w41l63U0xa8q7smH50vCxyTQqdxo69O3EmK28Bi5PcROI4wI/EyIJg==",

        // RFC 7519, section 3.1.
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",

        // jwt.io's example token.
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ];

    private static readonly string[] DocumentationDomains = ["example.com", "example.net", "example.org"];

    private static readonly string[] DocumentationTopLevel = [".example", ".test", ".invalid"];

    private static readonly Dictionary<string, ContextValidator> ByRule = new(StringComparer.Ordinal)
    {
        ["aws-access-key-id"] = (_, value, _) => value.Length == 20 && value.EndsWith("EXAMPLE", StringComparison.Ordinal),
        ["aws-secret-access-key"] = (_, value, _) => value.Length == 40 && value.EndsWith("EXAMPLEKEY", StringComparison.Ordinal),
        ["aws-session-token"] = (_, value, _) => IsPublishedValue(value),
        ["generic-secret"] = (_, value, _) => IsPublishedValue(value),
        ["jwt"] = (_, value, _) => IsPublishedValue(value),
        ["url-credentials"] = IsExampleUrlCredential,
    };

    /// <summary>The ids of the rules that recognise placeholders.</summary>
    public static IEnumerable<string> RuleIds => ByRule.Keys;

    /// <summary>Gives each rule that has published examples its recogniser.</summary>
    public static IReadOnlyList<MaskingRule> Attach(IEnumerable<MaskingRule> rules) =>
        [.. rules.Select(rule => ByRule.TryGetValue(rule.Id, out var check) ? rule with { Placeholder = check } : rule)];

    private static bool IsPublishedValue(ReadOnlySpan<char> value)
    {
        foreach (var published in Values)
        {
            if (value.SequenceEqual(published))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>scheme://user:pass@host</c>: <paramref name="before"/> ends with <c>user:</c>, <paramref name="after"/>
    /// starts with <c>@host</c>.</summary>
    private static bool IsExampleUrlCredential(ReadOnlySpan<char> before, ReadOnlySpan<char> value, ReadOnlySpan<char> after)
    {
        var userStart = before.LastIndexOf("://", StringComparison.Ordinal);
        var user = userStart < 0 || before.IsEmpty || before[^1] != ':' ? [] : before[(userStart + 3)..^1];
        var pair = user is "user" or "username" && value is "pass" or "password";
        return pair || IsDocumentationHost(after);
    }

    private static bool IsDocumentationHost(ReadOnlySpan<char> after)
    {
        if (after.IsEmpty || after[0] != '@')
        {
            return false;
        }

        var host = after[1..];
        var end = host.IndexOfAny(":/?#\"'` \t\r\n)]>,;\\");
        host = end < 0 ? host : host[..end];
        foreach (var domain in DocumentationDomains)
        {
            if (host.Equals(domain, StringComparison.OrdinalIgnoreCase) ||
                (host.EndsWith(domain, StringComparison.OrdinalIgnoreCase) && host[^(domain.Length + 1)] == '.'))
            {
                return true;
            }
        }

        foreach (var tld in DocumentationTopLevel)
        {
            if (host.Length > tld.Length && host.EndsWith(tld, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
