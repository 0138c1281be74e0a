using System.Collections;
using System.Text;
using Gatehouse.Masking;
using Gatehouse.Masking.Redaction;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Reads the <c>masking</c> section and each connection's <c>masking</c> block.</summary>
internal static class MaskingBinder
{
    public const int MinimumKeyBytes = 16;

    public static MaskingConfig Bind(SectionReader s, IDictionary environment)
    {
        var defaults = new MaskingOptions();
        var pii = s.Section("pii");
        var piiOptions = new PiiOptions
        {
            Email = pii.Bool("email", defaults.Pii.Email),
            Phone = pii.Bool("phone", defaults.Pii.Phone),
            PaymentCard = pii.Bool("paymentCard", defaults.Pii.PaymentCard),
            Iban = pii.Bool("iban", defaults.Pii.Iban),
            UsSsn = pii.Bool("usSsn", defaults.Pii.UsSsn),
            IpAddresses = pii.Bool("ipAddresses", defaults.Pii.IpAddresses),
        };
        pii.ReportUnknownKeys();

        var redaction = Redaction(s, "redaction", defaults.DefaultRedaction);
        var byRule = new Dictionary<string, RedactionStyle>(StringComparer.Ordinal);
        var byRuleSection = s.Child("redactionByRule");
        foreach (var (rule, node) in byRuleSection?.Mapping ?? [])
        {
            byRule[rule] = ParseRedaction(node.Scalar, node, s.Errors) ?? redaction;
        }

        byte[] key = [];
        string? keySource = null;
        if (s.Child("fingerprintKey") is { } keyNode)
        {
            var keyReader = new SectionReader(keyNode, s.Errors);
            var text = SecretSource.Read(keyReader, environment, out keySource);
            keyReader.ReportUnknownKeys();
            key = text is null ? [] : Encoding.UTF8.GetBytes(text);
            if (text is not null && key.Length < MinimumKeyBytes)
            {
                s.Errors.Add(s.ChildPath("fingerprintKey"), null, $"the key from {keySource} is shorter than {MinimumKeyBytes} bytes");
            }
        }

        var cache = s.Section("scanCache");
        var scanCache = new ScanCacheOptions
        {
            MaxBytes = cache.Long("maxBytes", defaults.ScanCache.MaxBytes, 0, 16L * 1024 * 1024 * 1024),
            MinChars = (int)cache.Long("minChars", defaults.ScanCache.MinChars, 64, 16_777_216),
        };
        cache.ReportUnknownKeys();

        var options = new MaskingOptions
        {
            DisabledRules = s.StringList("disabledRules") ?? [],
            UnmaskedPlaceholderRules = s.StringList("unmaskedPlaceholders") ?? [],
            InternalHostPatterns = s.StringList("internalHosts") ?? [],
            CustomRules = CustomRules(s),
            Pii = piiOptions,
            DefaultRedaction = redaction,
            RedactionByRule = byRule,
            FingerprintKey = key,
            StreamingHoldbackCap = (int)s.Long("holdbackCap", defaults.StreamingHoldbackCap, 64, 65_536),
            ScanCache = scanCache,
        };
        foreach (var line in MaskingOptionsValidator.Validate(options))
        {
            var split = line.IndexOf(": ", StringComparison.Ordinal);
            var path = split < 0 ? "" : line[..split].Replace("internalHostPatterns", "internalHosts", StringComparison.Ordinal);
            s.Errors.Add(path.Length == 0 ? s.Path : $"{s.Path}.{path}", null, split < 0 ? line : line[(split + 2)..]);
        }

        s.ReportUnknownKeys();
        return new MaskingConfig { Engine = options, FingerprintKeySource = keySource };
    }

    public static ConnectionMaskingConfig BindConnection(SectionReader s)
    {
        var defaults = new ConnectionMaskingConfig();
        var config = new ConnectionMaskingConfig
        {
            Request = Mode(s, "request", defaults.Request),
            Response = Mode(s, "response", defaults.Response),
            FailClosed = s.Bool("failClosed", defaults.FailClosed),
        };
        s.ReportUnknownKeys();
        return config;
    }

    private static List<CustomRuleOptions> CustomRules(SectionReader s)
    {
        var rules = new List<CustomRuleOptions>();
        foreach (var item in s.Items("customRules"))
        {
            var r = new SectionReader(item, s.Errors);
            var id = r.RequiredString("id");
            var pattern = r.RequiredString("pattern");
            var entropy = r.String("entropyFloor");
            var rule = new CustomRuleOptions
            {
                Id = id ?? "",
                Pattern = pattern ?? "",
                Keywords = r.StringList("keywords") ?? [],
                AllowList = r.StringList("allowList") ?? [],
                EntropyFloor = entropy is not null && double.TryParse(entropy, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : 0,
                MaxLength = (int)r.Long("maxLength", 200, 1, 4096),
            };
            if (entropy is not null && rule.EntropyFloor <= 0)
            {
                s.Errors.Add(r.ChildPath("entropyFloor"), null, $"'{entropy}' is not a positive number of bits per character");
            }

            r.ReportUnknownKeys();
            if (id is not null && pattern is not null)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static MaskingMode Mode(SectionReader s, string key, MaskingMode fallback)
    {
        var text = s.String(key);
        if (text is null)
        {
            return fallback;
        }

        if (PolicyNames.TryParseMasking(text, out var mode))
        {
            return mode;
        }

        // Names are lower-case in every file (PolicyNames): another case is refused, with the spelling to write.
        var lower = PolicyNames.TryParseMasking(text.ToLowerInvariant(), out var meant) ? $"; names are lower-case: write '{PolicyNames.Masking(meant)}'" : "";
        s.Errors.Add(s.ChildPath(key), null, $"'{text}' is not {PolicyNames.Choices<MaskingMode>()}{lower}");
        return fallback;
    }

    private static RedactionStyle Redaction(SectionReader s, string key, RedactionStyle fallback)
    {
        var node = s.Child(key);
        return node is null ? fallback : ParseRedaction(node.Scalar, node, s.Errors) ?? fallback;
    }

    private static RedactionStyle? ParseRedaction(string? text, ConfigNode node, ConfigErrors errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case "marker":
                return RedactionStyle.Marker;
            case "last4":
                return RedactionStyle.KeepLast4;
            case "fixed":
                return RedactionStyle.FixedLength;
            case "pseudonym":
                return RedactionStyle.Pseudonym;
            default:
                errors.Add(node, $"'{text}' is not marker, last4, fixed or pseudonym");
                return null;
        }
    }
}
