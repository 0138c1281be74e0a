using System.Text.Json;
using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Proofs;

/// <summary>Reads and writes the proof file <c>gatehouse audit prove</c> writes and <c>verify-proof</c> reads.</summary>
/// <remarks>Hashes, signatures and canonical entries are base64; sizes and times are JSON numbers (unix seconds).</remarks>
public static class ExchangeProofJson
{
    /// <summary>The value of the file's <c>format</c> member.</summary>
    public const string Format = "gatehouse/audit-proof/v1";

    /// <summary>Writes <paramref name="proof"/> as indented JSON.</summary>
    public static byte[] Write(ExchangeProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("exchangeId", proof.ExchangeId);
            var checkpoint = proof.Checkpoint;
            json.WriteStartObject("checkpoint");
            json.WriteNumber("treeSize", checkpoint.TreeSize);
            json.WriteBase64String("rootHash", checkpoint.RootHash);
            json.WriteNumber("time", checkpoint.Time.ToUnixTimeSeconds());
            json.WriteString("keyId", checkpoint.KeyId);
            json.WriteBase64String("signature", checkpoint.Signature);
            json.WriteEndObject();
            json.WriteStartArray("entries");
            foreach (var entry in proof.Entries)
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", entry.Sequence);
                json.WriteNumber("leafIndex", entry.LeafIndex);
                json.WriteBase64String("entryHash", entry.EntryHash);
                json.WriteBase64String("canonical", entry.Canonical);
                json.WriteStartArray("auditPath");
                foreach (var node in entry.AuditPath)
                {
                    json.WriteBase64StringValue(node);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Only the one base64 spelling of the bytes is accepted (no stray bits in the last character), so any changed
    // character of a proof file changes what it says or refuses it.
    private static byte[] GetCanonicalBase64(this JsonElement element)
    {
        var text = element.GetString() ?? throw new FormatException();
        var bytes = Convert.FromBase64String(text);
        return Convert.ToBase64String(bytes) == text ? bytes : throw new FormatException();
    }

    /// <summary>Reads a proof file; null when it is not a well-formed proof of this format.</summary>
    public static ExchangeProof? Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                return null;
            }

            var c = root.GetProperty("checkpoint");
            var checkpoint = new Checkpoint(
                c.GetProperty("treeSize").GetInt64(),
                c.GetProperty("rootHash").GetCanonicalBase64(),
                DateTimeOffset.FromUnixTimeSeconds(c.GetProperty("time").GetInt64()),
                c.GetProperty("keyId").GetString() ?? throw new FormatException(),
                c.GetProperty("signature").GetCanonicalBase64());
            var entries = root.GetProperty("entries").EnumerateArray().Select(e => new ProvenEntry(
                e.GetProperty("sequence").GetInt64(),
                e.GetProperty("leafIndex").GetInt64(),
                e.GetProperty("entryHash").GetCanonicalBase64(),
                e.GetProperty("canonical").GetCanonicalBase64(),
                [.. e.GetProperty("auditPath").EnumerateArray().Select(n => n.GetCanonicalBase64())]));
            return new ExchangeProof(root.GetProperty("exchangeId").GetString() ?? throw new FormatException(), checkpoint, [.. entries]);
        }
        catch (Exception error) when (error is JsonException or FormatException or KeyNotFoundException
            or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
