namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Selects the rules that <see cref="MaskingOptions"/> switch on, plus the configured ones.</summary>
internal static class RuleSetBuilder
{
    public static IReadOnlyList<MaskingRule> Build(MaskingOptions options)
    {
        var disabled = new HashSet<string>(options.DisabledRules, StringComparer.Ordinal);
        var rules = BuiltInRules.Secrets.Where(r => !disabled.Contains(r.Id)).ToList();
        rules.AddRange(BuiltInRules.Pii.Where(r => !disabled.Contains(r.Id) && IsEnabled(r.Id, options.Pii)));
        rules.AddRange(options.InternalHostPatterns.Select(InternalHostRules.Create));
        rules.AddRange(options.CustomRules.Select(ToRule));
        return rules;
    }

    private static bool IsEnabled(string id, PiiOptions pii) => id switch
    {
        "email" => pii.Email,
        "payment-card" => pii.PaymentCard,
        "iban" => pii.Iban,
        "us-ssn" => pii.UsSsn,
        "phone-nanp" or "phone-international" => pii.Phone,
        "ipv4" or "ipv6" => pii.IpAddresses,
        _ => true,
    };

    private static MaskingRule ToRule(CustomRuleOptions custom) =>
        new()
        {
            Id = custom.Id,
            Category = custom.Category,
            Description = "Custom rule " + custom.Id,
            Keywords = custom.Keywords,
            Pattern = custom.Pattern,
            Before = custom.MaxBefore,
            After = custom.MaxLength,
            StopsAtWhitespace = false,
            EntropyFloor = custom.EntropyFloor,
            AllowList = custom.AllowList,
        };
}
