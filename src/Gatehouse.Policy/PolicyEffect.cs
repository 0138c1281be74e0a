namespace Gatehouse.Policy;

/// <summary>Says what a policy decides for an exchange, ordered from the most permissive to the strictest.</summary>
/// <remarks>When several rules match, the strictest effect wins: deny over require_approval over allow.</remarks>
public enum PolicyEffect
{
    /// <summary>The exchange proceeds.</summary>
    Allow = 0,

    /// <summary>The exchange is held until reviewers approve it.</summary>
    RequireApproval = 1,

    /// <summary>The exchange is refused with the rule's reason.</summary>
    Deny = 2,
}
