using System.Security.Claims;
using Gatehouse.Gateway.Identity;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Console;

/// <summary>The person signed in to the console, as the review rules and the roles configuration see them.</summary>
/// <param name="Subject">The issuer's subject (<c>sub</c>).</param>
/// <param name="Name">The display name, or the subject.</param>
/// <param name="Email">The e-mail the issuer vouches for; null otherwise.</param>
/// <param name="Groups">The groups the issuer lists.</param>
/// <param name="Issuer">The issuer that signed the person in.</param>
internal sealed record ConsoleUser(string Subject, string Name, string? Email, IReadOnlyList<string> Groups, string Issuer)
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string EmailClaim = "email";
    public const string GroupsClaim = "groups";
    // Not "iss": the OpenID Connect handler removes that claim from the session identity after sign-in.
    public const string IssuerClaim = "gatehouse_issuer";

    /// <summary>Gets the person as a principal: the same key (<c>{issuer}#{sub}</c>) a bearer token of that issuer gives.</summary>
    public Principal Principal => new() { Subject = Subject, Key = Principal.OidcKey(Issuer, Subject), Email = Email, Groups = Groups };

    /// <summary>
    /// Gets the person as the API's role and audit checks see a caller: the identity a bearer token of the same issuer
    /// with the same claims gives (its e-mail is the verified one, or none).
    /// </summary>
    public GatehouseIdentity Identity => new(Subject, Email, Name, Groups, Issuer, null, null, GatehouseIdentity.OidcMethod) { VerifiedEmail = Email };

    /// <summary>Reads the person from the session's claims, written by <see cref="Compact"/> at sign-in.</summary>
    public static ConsoleUser From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirstValue(SubjectClaim) ?? throw new InvalidOperationException("The console session has no subject.");
        return new ConsoleUser(
            subject,
            user.FindFirstValue(NameClaim) ?? subject,
            user.FindFirstValue(EmailClaim),
            [.. user.FindAll(GroupsClaim).Select(c => c.Value)],
            user.FindFirstValue(IssuerClaim) ?? throw new InvalidOperationException("The console session has no issuer."));
    }

    /// <summary>Builds the session's identity: only what the console needs, never the tokens.</summary>
    public ClaimsPrincipal Compact()
    {
        var claims = new List<Claim> { new(SubjectClaim, Subject), new(NameClaim, Name), new(IssuerClaim, Issuer) };
        if (Email is not null)
        {
            claims.Add(new Claim(EmailClaim, Email));
        }

        claims.AddRange(Groups.Select(g => new Claim(GroupsClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleSchemes.Cookie, NameClaim, GroupsClaim));
    }
}
