using System.Globalization;
using System.Text;
using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.Masking;

/// <summary>
/// Writes random request bodies of each API from a seed: nested objects and arrays, every escape form (short escapes,
/// <c>\u</c> sequences, surrogate pairs written as two escapes, <c>\/</c>), secrets in values and in property names,
/// numbers in every written form, literals, and insignificant whitespace.
/// </summary>
internal sealed class AgentBodies
{
    public const string Key = "AKIAQWERTYZXCVBNMLKJ";
    private const string OtherKey = "AKIAPOIUYTREWQASDFGH";

    private static readonly string[] Texts =
    [
        "hello", "wörld 🙂", "line\nbreak", "quote \" and \\ backslash", "tab\tand\u0001control", "<b>&'</b>", "",
        Key, $"my key is {Key} ok", OtherKey, "[MASKED:aws-access-key-id]", "price 12.50 €", "a/b/c", "\u2028sep",
    ];

    private static readonly string[] Numbers = ["0", "-1", "3.14159", "1e10", "-2.5E-3", "12345678901234567890", "1.0", "1E+400"];

    private readonly int[] _choices;
    private readonly StringBuilder _json = new();
    private int _next;

    private AgentBodies(int[] choices) => _choices = choices.Length > 0 ? choices : [0];

    /// <summary>Returns a body of <paramref name="api"/> that its adapter understands, shaped by <paramref name="choices"/>
    /// (non-negative; read in turn, cycling).</summary>
    public static byte[] For(ApiKind api, int[] choices)
    {
        var bodies = new AgentBodies(choices);
        bodies.Request(api);
        return Encoding.UTF8.GetBytes(bodies._json.ToString());
    }

    private void Request(ApiKind api)
    {
        Open('{');
        Member("model", () => String(Pick(["gpt-x", "claude-x", Key])));
        if (Chance(2))
        {
            Comma();
            Member("stream", () => Raw(Chance(2) ? "true" : "false"));
        }

        switch (api)
        {
            case ApiKind.OpenAIChat:
                Comma();
                Member("messages", () => Array(1, 4, ChatMessage));
                Comma();
                Member("tools", () => Array(0, 3, () => Object(("type", () => String("function")), ("function", () => Object(
                    ("name", () => String(Pick(["read_file", "run", Key]))), ("description", Text), ("parameters", () => Anything(2)))))));
                break;
            case ApiKind.OpenAIResponses:
                Comma();
                Member("instructions", Text);
                Comma();
                Member("input", () =>
                {
                    if (Chance(4))
                    {
                        Text();
                    }
                    else
                    {
                        Array(1, 4, ResponsesItem);
                    }
                });
                Comma();
                Member("tools", () => Array(0, 3, () => Object(("type", () => String("function")), ("name", Text), ("parameters", () => Anything(2)))));
                break;
            default:
                Comma();
                Member("max_tokens", () => Raw("1024"));
                Comma();
                Member("system", () =>
                {
                    if (Chance(2))
                    {
                        Text();
                    }
                    else
                    {
                        Array(1, 2, () => Object(("type", () => String("text")), ("text", Text)));
                    }
                });
                Comma();
                Member("messages", () => Array(1, 4, () => Object(("role", () => String(Pick(["user", "assistant"]))), ("content", AnthropicContent))));
                Comma();
                Member("tools", () => Array(0, 3, () => Object(("name", Text), ("description", Text), ("input_schema", () => Anything(2)))));
                break;
        }

        Comma();
        Member("metadata", () => Anything(3));
        Close('}');
    }

    private void ChatMessage()
    {
        var content = Next(3);
        Object(
            ("role", () => String(Pick(["system", "user", "assistant", "tool"]))),
            ("content", () =>
            {
                if (content == 0)
                {
                    Text();
                }
                else
                {
                    Array(1, 3, () => Object(("type", () => String(Pick(["text", "image_url"]))), ("text", Text)));
                }
            }),
            ("tool_calls", () => Array(0, 2, () => Object(("id", Text), ("type", () => String("function")),
                ("function", () => Object(("name", Text), ("arguments", Text)))))));
    }

    private void ResponsesItem()
    {
        switch (Next(3))
        {
            case 0:
                Object(("type", () => String("message")), ("role", () => String("user")),
                    ("content", () => Array(1, 3, () => Object(("type", () => String("input_text")), ("text", Text)))));
                break;
            case 1:
                Object(("type", () => String("function_call")), ("name", Text), ("arguments", Text), ("call_id", Text));
                break;
            default:
                Object(("type", () => String("function_call_output")), ("call_id", Text), ("output", Text));
                break;
        }
    }

    private void AnthropicContent()
    {
        if (Chance(3))
        {
            Text();
            return;
        }

        Array(1, 3, () =>
        {
            switch (Next(3))
            {
                case 0:
                    Object(("type", () => String("text")), ("text", Text));
                    break;
                case 1:
                    Object(("type", () => String("tool_use")), ("id", Text), ("name", Text), ("input", () => Anything(2)));
                    break;
                default:
                    Object(("type", () => String("tool_result")), ("tool_use_id", Text), ("content", Text));
                    break;
            }
        });
    }

    // Any JSON value, objects with random (possibly secret) names.
    private void Anything(int depth)
    {
        switch (depth <= 0 ? Next(3) : Next(5))
        {
            case 0:
                Text();
                break;
            case 1:
                Raw(Chance(3) ? Pick(["true", "false", "null"]) : Pick(Numbers));
                break;
            case 2:
                Raw(Pick(Numbers));
                break;
            case 3:
                Array(0, 3, () => Anything(depth - 1));
                break;
            default:
                var names = Texts.OrderBy(_ => Next(1000)).Take(Next(5)).ToList();
                Open('{');
                for (var i = 0; i < names.Count; i++)
                {
                    if (i > 0)
                    {
                        Comma();
                    }

                    var name = names[i];
                    Member(name, () => Anything(depth - 1));
                }

                Close('}');
                break;
        }
    }

    private void Object(params (string Name, Action Value)[] members)
    {
        Open('{');
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                Comma();
            }

            Member(members[i].Name, members[i].Value);
        }

        Close('}');
    }

    private void Array(int min, int max, Action item)
    {
        Open('[');
        var count = min + Next(max - min + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                Comma();
            }

            item();
        }

        Close(']');
    }

    private void Member(string name, Action value)
    {
        String(name);
        Space();
        _json.Append(':');
        Space();
        value();
    }

    private void Text() => String(Pick(Texts));

    // Writes a string with a random escape style for each character that may be written more than one way.
    private void String(string text)
    {
        var style = Next(3);
        _json.Append('"');
        var escapeLow = false;
        foreach (var c in text)
        {
            // A surrogate pair is escaped as two escapes or written as one character, never half and half.
            var escapeAll = char.IsLowSurrogate(c) ? escapeLow : style == 1 || (style == 2 && Chance(3));
            escapeLow = escapeAll;
            if (escapeAll)
            {
                _json.Append("\\u").Append(((int)c).ToString(style == 2 ? "X4" : "x4", CultureInfo.InvariantCulture));
            }
            else if (c is '"' or '\\')
            {
                _json.Append('\\').Append(c);
            }
            else if (c == '\n')
            {
                _json.Append("\\n");
            }
            else if (c == '\t')
            {
                _json.Append("\\t");
            }
            else if (c < ' ')
            {
                _json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (c == '/' && style == 2)
            {
                _json.Append("\\/");
            }
            else
            {
                _json.Append(c);
            }
        }

        _json.Append('"');
    }

    private void Raw(string token) => _json.Append(token);

    private void Open(char c)
    {
        _json.Append(c);
        Space();
    }

    private void Close(char c)
    {
        Space();
        _json.Append(c);
    }

    private void Comma()
    {
        _json.Append(',');
        Space();
    }

    private void Space()
    {
        if (Chance(4))
        {
            _json.Append(Pick([" ", "\n", "\t", "\r\n  "]));
        }
    }

    private int Next(int count) => _choices[_next++ % _choices.Length] % count;

    private bool Chance(int oneIn) => Next(oneIn) == 0;

    private string Pick(string[] options) => options[Next(options.Length)];
}
