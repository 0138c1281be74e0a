using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Gateway.Secrets;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>
/// The development issuer's RSA-2048 signing key, generated once and kept as a private JWK in a file readable only by
/// its owner, so that <c>gatehouse dev token</c> and <c>serve --dev</c> share it across processes and restarts.
/// </summary>
internal sealed class DevSigningKey
{
    /// <summary>The default key file: <c>.gatehouse/dev-issuer.jwk.json</c>.</summary>
    public static readonly string DefaultPath = Path.Combine(".gatehouse", "dev-issuer.jwk.json");

    private static readonly string[] Members = ["n", "e", "d", "p", "q", "dp", "dq", "qi"];

    private DevSigningKey(RSAParameters parameters)
    {
        var publicKey = new RsaSecurityKey(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });
        KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey).ComputeJwkThumbprint());
        SecurityKey = new RsaSecurityKey(parameters) { KeyId = KeyId };
        PublicParameters = (Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
    }

    /// <summary>Gets the key id: the RFC 7638 thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>Gets the private key used to sign tokens.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>Gets the public modulus and exponent, base64url, as published in the JWKS.</summary>
    public (string Modulus, string Exponent) PublicParameters { get; }

    /// <summary>Loads the key from <paramref name="path"/>, creating it (mode 0600) when the file does not exist.</summary>
    public static DevSigningKey LoadOrCreate(string path)
    {
        var bytes = PrivateFile.ReadOrCreate(path, () =>
        {
            using var rsa = RSA.Create(2048);
            return Write(rsa.ExportParameters(includePrivateParameters: true));
        });
        return new DevSigningKey(Read(bytes));
    }

    private static byte[] Write(RSAParameters key)
    {
        byte[][] values = [key.Modulus!, key.Exponent!, key.D!, key.P!, key.Q!, key.DP!, key.DQ!, key.InverseQ!];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kty", "RSA");
            for (var i = 0; i < Members.Length; i++)
            {
                json.WriteString(Members[i], Base64UrlEncoder.Encode(values[i]));
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static RSAParameters Read(byte[] file)
    {
        using var document = JsonDocument.Parse(file);
        byte[] Member(string name) => document.RootElement.TryGetProperty(name, out var value) && value.GetString() is { } text
            ? Base64UrlEncoder.DecodeBytes(text)
            : throw new InvalidDataException($"The development issuer key file lacks '{name}'; delete it to generate a new key.");
        return new RSAParameters
        {
            Modulus = Member("n"),
            Exponent = Member("e"),
            D = Member("d"),
            P = Member("p"),
            Q = Member("q"),
            DP = Member("dp"),
            DQ = Member("dq"),
            InverseQ = Member("qi"),
        };
    }
}
