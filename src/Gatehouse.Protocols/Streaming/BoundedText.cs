using System.Text;

namespace Gatehouse.Protocols.Streaming;

/// <summary>Text appended piece by piece, kept up to a character budget and only counted beyond it.</summary>
internal sealed class BoundedText
{
    private readonly StringBuilder _text = new();
    private readonly int _maxChars;

    public BoundedText(int maxChars)
    {
        _maxChars = maxChars;
    }

    public bool Truncated { get; private set; }

    public int Length => _text.Length;

    public void Append(string? piece) => Append(piece, _maxChars - _text.Length);

    /// <summary>Appends <paramref name="piece"/> keeping at most <paramref name="room"/> of its characters.</summary>
    public void Append(string? piece, int room)
    {
        if (string.IsNullOrEmpty(piece))
        {
            return;
        }

        if (piece.Length <= room)
        {
            _text.Append(piece);
            return;
        }

        Truncated = true;
        if (room > 0)
        {
            // Never split a surrogate pair at the cap.
            var keep = char.IsHighSurrogate(piece[room - 1]) ? room - 1 : room;
            _text.Append(piece, 0, keep);
        }
    }

    public void Replace(string? text, int room)
    {
        _text.Clear();
        Truncated = false;
        Append(text, room);
    }

    public override string ToString() => _text.ToString();
}
