using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>Cuts the prompt the audit records into one piece per message, so a message resent every turn is stored once.</summary>
/// <remarks>
/// The recorded prompt is every message as <c>[role]\ntext</c>, joined by a blank line. Each piece is one message with
/// the blank line that precedes it (none for the first), so a message keeps the same bytes in every later turn of the
/// conversation: the system prompt is always first, and a message never moves back to the first place. The pieces'
/// concatenation is exactly the recorded prompt, capped the same way (the piece the cap falls in is cut and carries
/// the truncation mark, and later pieces are dropped).
/// </remarks>
internal static class PromptPieces
{
    public const string Truncated = "\n[truncated]";

    public static IReadOnlyList<string> Of(IReadOnlyList<PromptMessage> messages, int maxChars)
    {
        var pieces = new List<string>(messages.Count);
        var length = 0;
        foreach (var message in messages)
        {
            var piece = string.Concat(pieces.Count == 0 ? "[" : "\n\n[", message.Role, "]\n", message.Text);
            if (length + piece.Length > maxChars)
            {
                pieces.Add(string.Concat(piece.AsSpan(0, maxChars - length), Truncated));
                return pieces;
            }

            pieces.Add(piece);
            length += piece.Length;
        }

        return pieces;
    }
}
