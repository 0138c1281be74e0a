namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The gateway's own roles (<c>roles:</c>): who administers it and who reads the whole audit trail. A caller with
/// neither reads only the exchanges they made.
/// </summary>
public sealed record RolesConfig
{
    /// <summary>Gets who administers the gateway; admins also read the whole audit trail. The default is nobody.</summary>
    public RoleMembers Admin { get; init; } = new();

    /// <summary>Gets who reads the whole audit trail. The default is nobody.</summary>
    public RoleMembers Auditor { get; init; } = new();
}
