namespace Gatehouse.Audit.Retention;

/// <summary>What a legal hold keeps.</summary>
public enum LegalHoldTarget
{
    /// <summary>One exchange, by id.</summary>
    Exchange,

    /// <summary>Every exchange of one user, matched against the caller's subject or e-mail.</summary>
    User,
}
