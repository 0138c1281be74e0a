using System.Security.Cryptography;
using System.Text;
using Gatehouse.Gateway.Secrets;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// The fingerprint key kept beside the database when none is configured: generated once, so fingerprints of the same
/// secret stay equal across restarts and an investigator can tell that two records hold the same value.
/// </summary>
internal static class FingerprintKeyFile
{
    public const string FileName = "masking-fingerprint.key";

    public static byte[] LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var text = PrivateFile.ReadOrCreate(path, () => Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var key = Convert.FromBase64String(Encoding.ASCII.GetString(text).Trim());
        return key.Length >= 16
            ? key
            : throw new InvalidDataException($"The fingerprint key in '{path}' is shorter than 16 bytes; delete it to generate a new one.");
    }
}
