using System.Net;
using Gatehouse.Masking.Rules.Validation;

namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Personal data. Number rules have no keyword: the numeric-run prefilter anchors them.</summary>
internal static class PiiRules
{
    public static MaskingRule Email { get; } = new()
    {
        Id = "email", Category = RuleCategory.Pii, Description = "E-mail address",
        Keywords = ["@"],
        Pattern = @"(?<![A-Za-z0-9._%+-])(?<!://[^\s/@:]{1,32}:)[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])",
        Before = 64, BeforeChars = RuleFactory.AlnumChars + "._%+-", RequiresCharBefore = true, After = 300, Example = "jane.doe@example.com",
    };

    public static MaskingRule PaymentCard { get; } = Numeric(
        "payment-card", "Payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners; Luhn-checked)",
        @"(?<![0-9-])(?:4|5[1-5]|2[2-7]|3[47]|3[068]|35|6011|65)(?:[ -]?[0-9]){10,17}(?![0-9-])",
        "4111 1111 1111 1111", Luhn.IsValid, before: 0);

    public static MaskingRule Iban { get; } = Numeric(
        "iban", "International bank account number (mod-97 checked)",
        @"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])",
        "DE89 3704 0044 0532 0130 00", Validation.Iban.IsValid, before: 40);

    public static MaskingRule UsSsn { get; } = Numeric(
        "us-ssn", "US social security number (issued ranges only)",
        @"(?<![0-9-])(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9-])",
        "123-45-6789", null, before: 0);

    public static MaskingRule NorthAmericanPhone { get; } = Numeric(
        "phone-nanp", "North American phone number",
        @"(?<![\w+])(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![\w-])",
        "(555) 234-5678", null, before: 0);

    public static MaskingRule InternationalPhone { get; } = Numeric(
        "phone-international", "International phone number (+country code)",
        @"(?<![\w+])\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,5}(?![\w-])",
        "+44 20 7946 0958", value => CountDigits(value) is >= 8 and <= 15, before: 0);

    public static MaskingRule IPv4 { get; } = Numeric(
        "ipv4", "IPv4 address",
        @"(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?!\.?[0-9])",
        "192.168.17.42", null, before: 0);

    public static MaskingRule IPv6 { get; } = new()
    {
        Id = "ipv6", Category = RuleCategory.Pii, Description = "IPv6 address (compressed form with ::)",
        Keywords = ["::"],
        Pattern = @"(?<![A-Fa-f0-9:])(?:[A-Fa-f0-9]{1,4}:){0,7}:(?:[A-Fa-f0-9]{1,4}(?::[A-Fa-f0-9]{1,4}){0,6})?(?![A-Fa-f0-9:])",
        Before = 40, BeforeChars = RuleFactory.HexChars + ":", After = 40, Validator = IsIPv6, Example = "2001:db8:85a3::8a2e:370:7334",
    };

    private static MaskingRule Numeric(
        string id, string description, string pattern, string example, ValueValidator? validator, int before) =>
        new()
        {
            Id = id, Category = RuleCategory.Pii, Description = description, Pattern = pattern,
            Anchor = RuleAnchor.Numeric, Before = before, After = id == "iban" ? 40 : 4, StopsAtWhitespace = false,
            StartsInRun = before == 0,
            Validator = validator, Example = example,
        };

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    private static bool IsIPv6(ReadOnlySpan<char> value) =>
        value.Count(':') >= 3 && CountDigits(value) >= 2 && IPAddress.TryParse(value, out var address) &&
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}
