using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>Signs checkpoints with an ECDSA P-256 private key.</summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa _key;

    private CheckpointSigner(ECDsa key)
    {
        _key = key;
        KeyId = CheckpointKeys.KeyId(key);
    }

    /// <summary>Gets the id of the key, as checkpoints carry it.</summary>
    public string KeyId { get; }

    /// <summary>Creates a signer from a PKCS#8 or SEC1 private key in PEM.</summary>
    /// <exception cref="CryptographicException">The text holds no P-256 private key.</exception>
    /// <exception cref="ArgumentException">The text holds no PEM key.</exception>
    public static CheckpointSigner FromPem(string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        return new CheckpointSigner(CheckpointKeys.Import(privateKeyPem));
    }

    /// <summary>Returns the public key as SubjectPublicKeyInfo PEM.</summary>
    public string ExportPublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs a checkpoint of the first <paramref name="treeSize"/> entries, with <paramref name="time"/> cut to the second.</summary>
    public Checkpoint Sign(long treeSize, byte[] rootHash, DateTimeOffset time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentNullException.ThrowIfNull(rootHash);
        var seconds = DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
        var text = CheckpointText.Format(treeSize, rootHash, seconds);
        var signature = _key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256);
        return new Checkpoint(treeSize, rootHash.ToArray(), seconds, KeyId, signature);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
