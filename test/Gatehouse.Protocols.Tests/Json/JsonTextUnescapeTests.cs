using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Gatehouse.Protocols.Json;
using Gatehouse.Testing;

namespace Gatehouse.Protocols.Tests.Json;

/// <summary>
/// The request splicer's own unescaping (<see cref="JsonText.Unescape"/>) gives what the parser's string read gives,
/// for every escape JSON has, however the writer chose to escape.
/// </summary>
public sealed class JsonTextUnescapeTests
{
    private static readonly Gen<string> Texts = Gen.OneOf(
            "a", "text ", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "<>&'+",
            "é", "€", "\u2028", "😀", "\ud7ff", "\ue000", "\uffff", "中文")
        .Array[0, 24]
        .Select(string.Concat);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Unescape_AnyTextAsEitherWriterEscapesIt_GivesTheParsersString()
    {
        Texts.ForAll(text =>
        {
            // The default encoder escapes everything outside ASCII as \uXXXX (pairs for astral characters); the relaxed
            // one leaves UTF-8 as it is and escapes only what JSON requires.
            Assert.Equal(text, Unescaped(JsonSerializer.Serialize(text)));
            Assert.Equal(text, Unescaped(JsonSerializer.Serialize(text, Relaxed)));
        }, iter: 500);
    }

    [Theory]
    [InlineData("""\/\u00e9\u00E9\ud83d\ude00\uD83D\uDE00""", "/éé😀😀")]
    [InlineData("""a\"b\\c\bd\fe\nf\rg\th""", "a\"b\\c\bd\fe\nf\rg\th")]
    [InlineData("""\u0041é\u0000end""", "Aé\0end")]
    public void Unescape_EscapesWrittenByHand_GiveTheParsersString(string raw, string expected)
    {
        Assert.Equal(expected, Unescaped($"\"{raw}\""));
    }

    // Unescapes the quoted token's inside with JsonText, after checking the parser reads the same string.
    private static string Unescaped(string quoted)
    {
        var bytes = Encoding.UTF8.GetBytes(quoted);
        Assert.Null(JsonText.Validate(bytes));
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        var parsed = reader.GetString()!;
        var chars = new char[bytes.Length];
        var count = JsonText.Unescape(bytes.AsSpan(1, bytes.Length - 2), chars);
        var unescaped = new string(chars, 0, count);
        Assert.Equal(parsed, unescaped);
        return unescaped;
    }
}
