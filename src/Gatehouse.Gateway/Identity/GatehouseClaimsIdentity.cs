using System.Security.Claims;

namespace Gatehouse.Gateway.Identity;

/// <summary>The claims identity the gateway's schemes produce; it carries the resolved <see cref="GatehouseIdentity"/>.</summary>
/// <remarks>
/// Groups are also role claims, so that ASP.NET Core authorization (<c>RequireRole</c>) sees the same groups as policy.
/// The credential's own claims are not kept: everything downstream reads <see cref="Caller"/>.
/// </remarks>
internal sealed class GatehouseClaimsIdentity : ClaimsIdentity
{
    /// <summary>The claim type groups are exposed under.</summary>
    public const string GroupClaimType = "groups";

    public GatehouseClaimsIdentity(GatehouseIdentity caller)
        : base(ToClaims(caller), caller.Method, "sub", GroupClaimType)
    {
        Caller = caller;
    }

    /// <summary>Gets the resolved caller.</summary>
    public GatehouseIdentity Caller { get; }

    private static IEnumerable<Claim> ToClaims(GatehouseIdentity caller)
    {
        yield return new Claim("sub", caller.Subject);
        foreach (var group in caller.Groups)
        {
            yield return new Claim(GroupClaimType, group);
        }
    }
}
