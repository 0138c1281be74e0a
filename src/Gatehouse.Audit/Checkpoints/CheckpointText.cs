using System.Globalization;

namespace Gatehouse.Audit.Checkpoints;

/// <summary>The canonical text a checkpoint signature covers, in the style of a C2SP signed note.</summary>
/// <remarks>
/// <c>gatehouse/audit-checkpoint/v1\n&lt;tree size&gt;\n&lt;base64 root&gt;\n&lt;unix seconds&gt;\n</c>. The first line
/// separates it from anything else the same key might sign; every field is on its own line in one fixed decimal or
/// base64 form, so one text has one meaning.
/// </remarks>
public static class CheckpointText
{
    /// <summary>The first line: what is signed and its version.</summary>
    public const string Origin = "gatehouse/audit-checkpoint/v1";

    /// <summary>Formats the signed text of a checkpoint.</summary>
    public static string Format(long treeSize, byte[] rootHash, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(rootHash);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Origin}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{time.ToUnixTimeSeconds()}\n");
    }

    /// <summary>Formats a checkpoint as a note file: the signed text, a blank line and a signature line.</summary>
    public static string FormatNote(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return $"{checkpoint.SignedText}\n\u2014 {checkpoint.KeyId} {Convert.ToBase64String(checkpoint.Signature)}\n";
    }
}
