namespace Gatehouse.Control.Authorization;

/// <summary>The control plane's authorization policies, built from <c>roles:</c> by <see cref="RoleHandler"/>.</summary>
/// <remarks>
/// The policies name no authentication scheme: on the JSON API the caller is the gateway's default identity (bearer
/// token or API key), on the console's pages the folder policy adds the session cookie, so one policy name gives a person
/// the same rights through both doors, and neither door accepts the other's credential.
/// </remarks>
internal static class ControlPolicies
{
    /// <summary>Any authenticated caller; what they may see is then decided per item (their own exchanges).</summary>
    public const string Caller = "gatehouse:caller";

    /// <summary>The gateway's admins (<c>roles.admin</c>).</summary>
    public const string Admin = "gatehouse:admin";

    /// <summary>Readers of the whole audit trail: auditors (<c>roles.auditor</c>) and admins.</summary>
    public const string Auditor = "gatehouse:auditor";
}
