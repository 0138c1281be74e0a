namespace Gatehouse.Masking.Rules.Catalog;

/// <summary>Every built-in rule, in catalog order (which is also the tie-break order of overlapping matches).</summary>
internal static class BuiltInRules
{
    public static IReadOnlyList<MaskingRule> Secrets { get; } = PublishedExamples.Attach(
    [
        .. GenericSecretRules.All(),
        .. AiProviderRules.All(),
        .. CloudRules.All(),
        .. SourceControlRules.All(),
        .. CommunicationRules.All(),
        .. CommerceRules.All(),
        .. ObservabilityRules.All(),
    ]);

    public static IReadOnlyList<MaskingRule> Pii { get; } =
    [
        PiiRules.Email, PiiRules.PaymentCard, PiiRules.Iban, PiiRules.UsSsn, PiiRules.NorthAmericanPhone,
        PiiRules.InternationalPhone, PiiRules.IPv4, PiiRules.IPv6,
    ];

    public static IReadOnlyList<MaskingRule> All { get; } = [.. Secrets, .. Pii];
}
