using System.Buffers.Text;
using System.Text;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Credentials;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>Reads the credential from <c>Proxy-Authorization: Basic</c> (RFC 9110 §11.7.1, RFC 7617): the password is the credential, the user name is ignored.</summary>
/// <remarks>Clients configure a proxy as <c>http://user:credential@host:port</c>; the user part is free text (the credential names the caller).</remarks>
internal static class ProxyAuthorization
{
    /// <summary>The challenge sent with every 407.</summary>
    public const string Challenge = "Basic realm=\"gatehouse\", charset=\"UTF-8\"";

    private const string BasicPrefix = "Basic ";

    public static PresentedCredential Read(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return Fail(IdentityFailure.MissingCredentials(
                "Proxy credentials are required: configure the proxy as http://USER:CREDENTIAL@host:port, with a Gatehouse API key or an OIDC access token as the password."));
        }

        if (values.Count > 1 || values[0].Contains(',', StringComparison.Ordinal))
        {
            return Fail(IdentityFailure.AmbiguousCredentials("The request has more than one Proxy-Authorization credential; send exactly one."));
        }

        var value = values[0].Trim();
        if (!value.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(IdentityFailure.MissingCredentials("Proxy-Authorization must use the Basic scheme, with a Gatehouse API key or an OIDC access token as the password."));
        }

        var encoded = value[BasicPrefix.Length..].Trim();
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (Base64.DecodeFromUtf8(Encoding.ASCII.GetBytes(encoded), bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return Fail(IdentityFailure.InvalidToken("The Proxy-Authorization Basic credential is not valid base64."));
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        var password = colon < 0 ? "" : pair[(colon + 1)..].Trim();
        return password.Length == 0
            ? Fail(IdentityFailure.MissingCredentials("The Proxy-Authorization credential has no password; the password must be a Gatehouse API key or an OIDC access token."))
            : new PresentedCredential(password, null);
    }

    private static PresentedCredential Fail(IdentityFailure failure) => new(null, failure);
}
