using System.Diagnostics.CodeAnalysis;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>Reads the owner of an API key, as given to <c>gatehouse keys create --owner</c>, into a principal key.</summary>
/// <remarks>
/// An owner is a person: <c>alice@example.com</c> (stored as <c>email:alice@example.com</c>, the same person as any
/// token whose e-mail is verified and equal) or <c>https://idp.example.com#alice</c> (an issuer and a subject, the
/// same person as that issuer's token for that subject). A key treated as its owner cannot approve what its owner
/// asked for, nor count as a second reviewer, and its exchanges are in the owner's audit scope.
/// </remarks>
internal static class ApiKeyOwner
{
    /// <summary>What an owner looks like, for error messages.</summary>
    public const string Expected = "the owner's e-mail address (alice@example.com) or their token's issuer and subject (https://idp.example.com#alice)";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? owner, [NotNullWhen(false)] out string? error)
    {
        owner = null;
        var value = text?.Trim() ?? "";
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0 && Uri.TryCreate(value[..hash], UriKind.Absolute, out var issuer)
            && (issuer.Scheme == Uri.UriSchemeHttps || issuer.Scheme == Uri.UriSchemeHttp) && hash < value.Length - 1)
        {
            owner = value;
        }
        else if (hash < 0 && IsEmail(value.StartsWith(Principal.EmailKeyPrefix, StringComparison.Ordinal) ? value[Principal.EmailKeyPrefix.Length..] : value, out var email))
        {
            owner = Principal.EmailKey(email);
        }

        error = owner is null ? $"--owner must be {Expected}" : null;
        return owner is not null;
    }

    private static bool IsEmail(string value, out string email)
    {
        email = value;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
