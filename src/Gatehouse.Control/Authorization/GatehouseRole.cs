namespace Gatehouse.Control.Authorization;

/// <summary>A role of <c>roles:</c> that an authorization policy requires.</summary>
internal enum GatehouseRole
{
    /// <summary>The gateway's admins (<c>roles.admin</c>).</summary>
    Admin,

    /// <summary>Auditors (<c>roles.auditor</c>) or admins: whoever reads the whole audit trail.</summary>
    Auditor,
}
