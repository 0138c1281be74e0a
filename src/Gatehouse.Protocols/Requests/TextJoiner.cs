using System.Text;

namespace Gatehouse.Protocols.Requests;

/// <summary>
/// Joins the text parts of one message with new lines, skipping empty parts, and records each part in the request's
/// list of model-visible pieces (<see cref="ParsedRequest.TextPieces"/>) as it goes.
/// </summary>
/// <remarks>A message of one part (a system prompt, most user turns) is that part's string, not a copy of it.</remarks>
internal sealed class TextJoiner(List<string> pieces)
{
    private string? _single;
    private StringBuilder? _text;

    public void Add(string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return;
        }

        pieces.Add(part);
        Append(part);
    }

    /// <summary>Adds text whose pieces were already recorded, such as a nested tool result's flattened blocks.</summary>
    public void AddRecorded(string text)
    {
        if (text.Length > 0)
        {
            Append(text);
        }
    }

    /// <summary>Records a piece that is a message's whole text, with no joiner of its own.</summary>
    public static void Piece(List<string> pieces, string text)
    {
        if (text.Length > 0)
        {
            pieces.Add(text);
        }
    }

    /// <summary>Adds a tool call as its name, a space and its argument text, so both are inspected.</summary>
    public void AddToolCall(string? name, string? arguments) => Add(string.IsNullOrEmpty(arguments) ? name : $"{name} {arguments}");

    public override string ToString() => _text?.ToString() ?? _single ?? "";

    private void Append(string text)
    {
        if (_text is null && _single is null)
        {
            _single = text;
            return;
        }

        _text ??= new StringBuilder(_single);
        _text.Append('\n').Append(text);
    }
}
