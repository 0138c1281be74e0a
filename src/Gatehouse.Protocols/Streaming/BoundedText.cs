using System.Text;

namespace Gatehouse.Protocols.Streaming;

/// <summary>Text appended piece by piece, kept up to a character budget and only counted beyond it.</summary>
/// <remarks>
/// A text of one piece (a whole JSON body's answer, a tool call's arguments) is kept as that string and returned as
/// it is: a builder, its growth and the copy out of it are made only once a second piece arrives.
/// </remarks>
internal sealed class BoundedText
{
    private readonly int _maxChars;
    private StringBuilder? _text;
    private string? _single;

    public BoundedText(int maxChars)
    {
        _maxChars = maxChars;
    }

    public bool Truncated { get; private set; }

    public int Length => _text?.Length ?? _single?.Length ?? 0;

    public void Append(string? piece) => Append(piece, _maxChars - Length);

    /// <summary>Appends <paramref name="piece"/> keeping at most <paramref name="room"/> of its characters.</summary>
    public void Append(string? piece, int room)
    {
        if (string.IsNullOrEmpty(piece))
        {
            return;
        }

        if (piece.Length <= room)
        {
            Keep(piece, piece.Length);
            return;
        }

        Truncated = true;
        if (room > 0)
        {
            // Never split a surrogate pair at the cap.
            Keep(piece, char.IsHighSurrogate(piece[room - 1]) ? room - 1 : room);
        }
    }

    public void Replace(string? text, int room)
    {
        _text?.Clear();
        _single = null;
        Truncated = false;
        Append(text, room);
    }

    public override string ToString() => _text?.ToString() ?? _single ?? "";

    private void Keep(string piece, int count)
    {
        if (count == 0)
        {
            return;
        }

        if (_text is null)
        {
            if (_single is null)
            {
                _single = count == piece.Length ? piece : piece[..count];
                return;
            }

            _text = new StringBuilder(_single);
            _single = null;
        }

        _text.Append(piece, 0, count);
    }
}
