using System.Security.Cryptography;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>ECDSA P-256 key pairs for checkpoints and the ids that name them.</summary>
public static class CheckpointKeys
{
    private const int KeyIdBytes = 8;

    /// <summary>Creates a new key pair: the private key as PKCS#8 PEM and the public key as SubjectPublicKeyInfo PEM.</summary>
    public static (string PrivateKeyPem, string PublicKeyPem) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Returns the key id: the first 8 bytes of the SHA-256 of the SubjectPublicKeyInfo, as lower-case hex.</summary>
    public static string KeyId(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
        return Convert.ToHexStringLower(hash.AsSpan(0, KeyIdBytes));
    }

    /// <summary>Imports a P-256 key from PEM, refusing any other curve.</summary>
    /// <exception cref="CryptographicException">The text holds no usable P-256 key.</exception>
    /// <exception cref="ArgumentException">The text holds no PEM key.</exception>
    internal static ECDsa Import(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("Checkpoint keys are ECDSA P-256.");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
