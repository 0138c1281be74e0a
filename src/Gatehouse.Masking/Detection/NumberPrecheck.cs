namespace Gatehouse.Masking.Detection;

/// <summary>Which exact pre-check guards a number rule's pattern (see <see cref="NumberPrechecks"/>).</summary>
internal enum NumberPrecheck
{
    /// <summary>None: the pattern runs in every window (a rule the pre-checks do not know).</summary>
    None,
    PaymentCard,
    Iban,
    UsSsn,
    NorthAmericanPhone,
    InternationalPhone,
    IPv4,
}
