using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class AnthropicRequestTests
{
    [Fact]
    public void Parse_SystemBlocksToolUseAndResults_FlattensInOrder()
    {
        const string Json = """
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 1024,
              "stream": true,
              "system": [{"type": "text", "text": "Be brief."}, {"type": "text", "text": "Cite files.", "cache_control": {"type": "ephemeral"}}],
              "messages": [
                {"role": "user", "content": "List the files"},
                {"role": "assistant", "content": [
                  {"type": "thinking", "thinking": "I should list.", "signature": "abc"},
                  {"type": "text", "text": "Listing."},
                  {"type": "tool_use", "id": "toolu_1", "name": "bash", "input": {"command": "ls"}}
                ]},
                {"role": "user", "content": [
                  {"type": "tool_result", "tool_use_id": "toolu_1", "content": "a.txt"},
                  {"type": "tool_result", "tool_use_id": "toolu_2", "content": [
                    {"type": "text", "text": "b.txt"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AAAA"}}
                  ]},
                  {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "doc text"}},
                  {"type": "text", "text": "Now?"}
                ]}
              ],
              "tools": [{"name": "bash", "input_schema": {"type": "object"}}, {"type": "web_search_20250305", "name": "web_search"}]
            }
            """;

        var request = ParseOk(ApiKind.AnthropicMessages, Json);

        Assert.Equal("claude-sonnet-4-5", request.Model);
        Assert.True(request.Stream);
        Assert.Equal(
            [
                new PromptMessage("system", "Be brief.\nCite files."),
                new PromptMessage("user", "List the files"),
                new PromptMessage("assistant", "I should list.\nListing.\nbash {\"command\": \"ls\"}"),
                new PromptMessage("user", "a.txt\nb.txt\ndoc text\nNow?"),
            ],
            request.Messages);
        Assert.Equal(
            ["Be brief.", "Cite files.", "List the files", "I should list.", "Listing.", "bash {\"command\": \"ls\"}", "a.txt", "b.txt", "doc text", "Now?"],
            request.TextPieces);
        Assert.Equal(["bash", "web_search"], request.ToolNames);
    }

    [Fact]
    public void Parse_SystemString_BecomesFirstMessage()
    {
        var request = ParseOk(ApiKind.AnthropicMessages, """{"model":"m","system":"Rules.","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(new PromptMessage("system", "Rules."), request.Messages[0]);
        Assert.Equal(["Rules.", "hi"], request.TextPieces);
        Assert.False(request.Stream);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "'model' is required")]
    [InlineData("""{"model":"m"}""", "'messages' is required")]
    [InlineData("""{"model":"m","system":5,"messages":[]}""", "'system' must be a string or an array")]
    [InlineData("""{"model":"m","messages":[{"role":"user"}]}""", "'messages[0].content' is required")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"tool_result","content":{}}]}]}""", "'messages[0].content[0].content' must be a string or an array")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]}""", "'messages[0].content[0].text' is required")]
    [InlineData("""{"model":"m","messages":[],"tools":[{"name":false}]}""", "'tools[0].name' must be a string")]
    public void Parse_WrongShape_FailsNamingTheField(string json, string expected)
    {
        var result = Parse(ApiKind.AnthropicMessages, json);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error);
    }
}
