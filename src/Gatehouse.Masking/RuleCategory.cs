namespace Gatehouse.Masking;

/// <summary>Says what kind of data a rule finds.</summary>
public enum RuleCategory
{
    /// <summary>A credential: token, key, password, private key.</summary>
    Secret,

    /// <summary>Personal data: e-mail, phone, payment card, IBAN, SSN, IP address.</summary>
    Pii,

    /// <summary>Organisation-internal data such as internal host names and URLs.</summary>
    Internal,
}
