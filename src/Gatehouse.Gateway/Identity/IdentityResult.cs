using System.Diagnostics.CodeAnalysis;

namespace Gatehouse.Gateway.Identity;

/// <summary>The outcome of identifying a caller: an identity or a failure, never both.</summary>
internal sealed class IdentityResult
{
    private IdentityResult(GatehouseIdentity? identity, IdentityFailure? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>Gets the identity when the caller was identified.</summary>
    public GatehouseIdentity? Identity { get; }

    /// <summary>Gets the failure when the caller was not identified.</summary>
    public IdentityFailure? Failure { get; }

    /// <summary>Gets a value indicating whether the caller was identified.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Identity is not null;

    public static IdentityResult Success(GatehouseIdentity identity) => new(identity, null);

    public static IdentityResult Fail(IdentityFailure failure) => new(null, failure);
}
