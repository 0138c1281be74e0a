using System.Text;

namespace Gatehouse.Protocols.Requests;

/// <summary>Joins the text parts of one message with new lines, skipping empty parts.</summary>
internal sealed class TextJoiner
{
    private readonly StringBuilder _text = new();

    public void Add(string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        _text.Append(part);
    }

    /// <summary>Adds a tool call as its name, a space and its argument text, so both are inspected.</summary>
    public void AddToolCall(string? name, string? arguments) => Add(string.IsNullOrEmpty(arguments) ? name : $"{name} {arguments}");

    public override string ToString() => _text.ToString();
}
