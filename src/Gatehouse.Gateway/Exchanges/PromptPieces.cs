using Gatehouse.Audit.Chain;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>Cuts the prompt the audit records into one piece per message, so a message resent every turn is stored once.</summary>
/// <remarks>
/// The recorded prompt is every message as <c>[role]\ntext</c>, joined by a blank line. Each piece is one message with
/// the blank line that precedes it (none for the first), so a message keeps the same bytes in every later turn of the
/// conversation: the system prompt is always first, and a message never moves back to the first place. The pieces'
/// concatenation is exactly the recorded prompt, capped the same way (the piece the cap falls in is cut and carries
/// the truncation mark, and later pieces are dropped). Each piece is encoded as UTF-8 straight from the message's own
/// text (<see cref="BodyParts.FromText"/>), never copied into a string of its own: the segments meet at ASCII
/// characters, so the bytes are those of the joined piece.
/// </remarks>
internal static class PromptPieces
{
    public const string Truncated = "\n[truncated]";

    public static IReadOnlyList<BodyPart> Of(IReadOnlyList<PromptMessage> messages, int maxChars)
    {
        var pieces = new List<BodyPart>(messages.Count);
        var length = 0;
        foreach (var message in messages)
        {
            ReadOnlyMemory<char> opening = pieces.Count == 0 ? "[".AsMemory() : "\n\n[".AsMemory();
            var role = message.Role.AsMemory();
            var close = "]\n".AsMemory();
            var text = message.Text.AsMemory();
            var pieceLength = opening.Length + role.Length + close.Length + text.Length;
            if (length + pieceLength > maxChars)
            {
                var keep = maxChars - length;
                pieces.Add(BodyParts.FromText(Cut(opening, ref keep), Cut(role, ref keep), Cut(close, ref keep), Cut(text, ref keep), Truncated.AsMemory()));
                return pieces;
            }

            pieces.Add(BodyParts.FromText(opening, role, close, text));
            length += pieceLength;
        }

        return pieces;
    }

    // The first `keep` characters of the piece, segment by segment.
    private static ReadOnlyMemory<char> Cut(ReadOnlyMemory<char> segment, ref int keep)
    {
        var taken = segment[..Math.Min(keep, segment.Length)];
        keep -= taken.Length;
        return taken;
    }
}
