using System.Security.Cryptography;
using System.Text;
using Gatehouse.Audit.Proofs;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Checks checkpoint signatures against one ECDSA P-256 public key.</summary>
public sealed class CheckpointVerifier : IDisposable
{
    private readonly ECDsa _key;

    private CheckpointVerifier(ECDsa key)
    {
        _key = key;
        KeyId = CheckpointKeys.KeyId(key);
    }

    /// <summary>Gets the id of the key.</summary>
    public string KeyId { get; }

    /// <summary>Creates a verifier from a public key (SubjectPublicKeyInfo PEM; a private key PEM works too).</summary>
    /// <exception cref="CryptographicException">The text holds no P-256 key.</exception>
    /// <exception cref="ArgumentException">The text holds no PEM key.</exception>
    public static CheckpointVerifier FromPem(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        return new CheckpointVerifier(CheckpointKeys.Import(publicKeyPem));
    }

    /// <summary>Returns whether <paramref name="checkpoint"/> names this key and carries its valid signature over its fields.</summary>
    public bool Verify(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.TreeSize < 0 || checkpoint.RootHash.Length != MerkleHash.Size || checkpoint.KeyId != KeyId
            || checkpoint.Time.ToUnixTimeMilliseconds() % 1000 != 0)
        {
            return false;
        }

        return _key.VerifyData(Encoding.UTF8.GetBytes(checkpoint.SignedText), checkpoint.Signature, HashAlgorithmName.SHA256);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
