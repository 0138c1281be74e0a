namespace Gatehouse.Masking;

/// <summary>Which kinds of personal data are masked. Every kind is on by default except IP addresses.</summary>
public sealed record PiiOptions
{
    /// <summary>E-mail addresses. Default true.</summary>
    public bool Email { get; init; } = true;

    /// <summary>Phone numbers (North American and international with a leading +). Default true.</summary>
    public bool Phone { get; init; } = true;

    /// <summary>Payment card numbers that pass the Luhn check. Default true.</summary>
    public bool PaymentCard { get; init; } = true;

    /// <summary>IBANs that pass the mod-97 check. Default true.</summary>
    public bool Iban { get; init; } = true;

    /// <summary>US social security numbers within the issued ranges. Default true.</summary>
    public bool UsSsn { get; init; } = true;

    /// <summary>IPv4 and IPv6 addresses. Default false: in code and logs they are usually not personal.</summary>
    public bool IpAddresses { get; init; }
}
