using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Tests.Json;

public sealed class EditedStringsTests
{
    private const string Event = """{"id":"c\u0031","choices":[{"delta":{"content":"key acme_1"},"logprobs":{"content":[{"token":"acme"}]}}],"model":"m"}""";

    [Fact]
    public void Text_EditedTwice_ReadsTheLastEditAsTheRewrittenBytesDo()
    {
        using var lease = JsonBody.TryParseCopy(Encoding.UTF8.GetBytes(Event), out _);
        var root = lease.Document!.RootElement;
        var content = root.GetProperty("choices")[0].GetProperty("delta").GetProperty("content");
        var edits = new JsonEdits();
        edits.Reset(lease.Data);
        edits.SetText(content, "key [MASKED]");
        edits.SetText(content, "key [MASKED] \"tail\"");
        edits.SetLiteral(root.GetProperty("choices")[0].GetProperty("logprobs"), "null"u8);
        using var rewritten = JsonDocument.Parse(edits.Apply().ToArray());
        var texts = new List<TextEdit>();

        var strings = new EditedStrings(lease.Data, texts, 0, edits.CopyTexts(texts));

        var expected = rewritten.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString();
        Assert.Equal("key [MASKED] \"tail\"", expected);
        Assert.Equal(expected, strings.Text(content));
        Assert.Single(texts);
        Assert.Equal("c1", strings.String(root, "id"u8));
        Assert.Equal("m", strings.String(root, "model"u8));
        Assert.Null(strings.String(root, "choices"u8));
    }

    [Fact]
    public void Text_ElementOfAnotherDocument_Throws()
    {
        using var lease = JsonBody.TryParseCopy(Encoding.UTF8.GetBytes(Event), out _);
        using var other = JsonDocument.Parse(Event);
        var texts = new List<TextEdit> { new(1, "x") };

        var strings = new EditedStrings(lease.Data, texts, 0, 1);

        Assert.Throws<InvalidOperationException>(() => strings.Text(other.RootElement.GetProperty("model")));
    }

    [Fact]
    public void Text_NoEdits_ReadsEveryStringAsWritten()
    {
        using var document = JsonDocument.Parse(Event);

        Assert.Equal("c1", default(EditedStrings).String(document.RootElement, "id"u8));
        Assert.Equal("key acme_1", default(EditedStrings).String(document.RootElement.GetProperty("choices")[0].GetProperty("delta"), "content"u8));
    }
    [Fact]
    public void RawText_EditedStringsInside_ReadsAsTheRewrittenBytes()
    {
        const string Body = """{"input":{"k":"acme_1 \"q\"","n":[1, 2],"s":"caf\u00e9 acme_1","keep":"\/x"},"other":"acme_1"}""";
        using var lease = JsonBody.TryParseCopy(Encoding.UTF8.GetBytes(Body), out _);
        var root = lease.Document!.RootElement;
        var input = root.GetProperty("input");
        var edits = new JsonEdits();
        edits.Reset(lease.Data);
        edits.SetText(input.GetProperty("k"), "[MASKED] \"q\" \\ é");
        edits.SetText(input.GetProperty("s"), "café [MASKED]\n");
        edits.SetText(root.GetProperty("other"), "[MASKED]");
        using var rewritten = JsonDocument.Parse(edits.Apply().ToArray());
        var texts = new List<TextEdit>();

        var strings = new EditedStrings(lease.Data, texts, 0, edits.CopyTexts(texts));

        Assert.Equal(rewritten.RootElement.GetProperty("input").GetRawText(), strings.RawText(input));
        Assert.Equal(rewritten.RootElement.GetProperty("other").GetRawText(), strings.RawText(root.GetProperty("other")));
        Assert.Equal(input.GetProperty("n").GetRawText(), strings.RawText(input.GetProperty("n")));
        Assert.DoesNotContain("acme_1", strings.RawText(input), StringComparison.Ordinal);
    }
}
