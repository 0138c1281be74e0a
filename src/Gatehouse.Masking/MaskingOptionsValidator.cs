using System.Text.RegularExpressions;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking;

/// <summary>Checks <see cref="MaskingOptions"/> and reports every error at once, each with its path.</summary>
public static class MaskingOptionsValidator
{
    private const long MaxScanCacheBytes = 16L * 1024 * 1024 * 1024;

    /// <summary>Returns every configuration error (empty when the options are valid), such as
    /// <c>customRules[1].pattern: not a valid regular expression</c>.</summary>
    public static IReadOnlyList<string> Validate(MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var known = new HashSet<string>(BuiltInRules.All.Select(r => r.Id), StringComparer.Ordinal);
        for (var i = 0; i < options.CustomRules.Count; i++)
        {
            ValidateCustomRule(options.CustomRules[i], $"customRules[{i}]", known, errors);
        }

        for (var i = 0; i < options.InternalHostPatterns.Count; i++)
        {
            if (!InternalHostRules.IsValidPattern(options.InternalHostPatterns[i]))
            {
                errors.Add($"internalHostPatterns[{i}]: expected a host name or *.domain");
            }

            known.Add(InternalHostRules.IdFor(i));
        }

        foreach (var id in options.DisabledRules.Where(id => !known.Contains(id)))
        {
            errors.Add($"disabledRules: unknown rule '{id}'");
        }

        foreach (var id in options.RedactionByRule.Keys.Where(id => !known.Contains(id)))
        {
            errors.Add($"redactionByRule.{id}: unknown rule");
        }

        var recognising = PublishedExamples.RuleIds.Order(StringComparer.Ordinal).ToList();
        foreach (var id in options.UnmaskedPlaceholderRules.Where(id => !recognising.Contains(id)))
        {
            errors.Add(known.Contains(id)
                ? $"unmaskedPlaceholders: rule '{id}' recognises no placeholders; rules that do: {string.Join(", ", recognising)}"
                : $"unmaskedPlaceholders: unknown rule '{id}'");
        }

        if (!options.FingerprintKey.IsEmpty && options.FingerprintKey.Length < 16)
        {
            errors.Add("fingerprintKey: must be at least 16 bytes");
        }

        if (options.StreamingHoldbackCap < 64)
        {
            errors.Add("streamingHoldbackCap: must be at least 64 characters");
        }

        if (options.ScanCache.MaxBytes is < 0 or > MaxScanCacheBytes)
        {
            errors.Add("scanCache.maxBytes: must be between 0 (off) and 17179869184 (16 GiB)");
        }

        if (options.ScanCache.MinChars is < 64 or > 16_777_216)
        {
            errors.Add("scanCache.minChars: must be between 64 and 16777216 characters");
        }

        return errors;
    }

    private static void ValidateCustomRule(CustomRuleOptions rule, string path, HashSet<string> known, List<string> errors)
    {
        if (string.IsNullOrEmpty(rule.Id) || !rule.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add($"{path}.id: required, lower-case letters, digits and '-' only");
        }
        else if (!known.Add(rule.Id))
        {
            errors.Add($"{path}.id: '{rule.Id}' is already used by another rule");
        }

        try
        {
            _ = new Regex(rule.Pattern ?? "", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            errors.Add($"{path}.pattern: not a valid regular expression");
        }

        if (rule.Keywords.Count == 0 || rule.Keywords.Any(k => string.IsNullOrEmpty(k) || !k.All(char.IsAscii)))
        {
            errors.Add($"{path}.keywords: at least one non-empty ASCII keyword is required");
        }

        if (rule.EntropyFloor is < 0 or > 8)
        {
            errors.Add($"{path}.entropyFloor: must be between 0 and 8 bits per character");
        }

        if (rule.MaxLength is < 1 or > 4096 || rule.MaxBefore is < 0 or > 4096)
        {
            errors.Add($"{path}.maxLength: must be between 1 and 4096 (maxBefore between 0 and 4096)");
        }
    }
}
