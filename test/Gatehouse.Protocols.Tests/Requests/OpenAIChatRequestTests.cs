using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class OpenAIChatRequestTests
{
    [Fact]
    public void Parse_FullConversation_FlattensEveryMessage()
    {
        const string Json = """
            {
              "model": "gpt-4o",
              "stream": true,
              "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": [
                  {"type": "text", "text": "What is in"},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}},
                  {"type": "text", "text": "this picture?"}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "read_file", "arguments": "{\"path\":\"a.txt\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "file body"},
                {"role": "assistant", "content": [{"type": "refusal", "refusal": "I cannot."}]}
              ],
              "tools": [
                {"type": "function", "function": {"name": "read_file", "parameters": {"type": "object"}}},
                {"type": "custom", "custom": {"name": "apply_patch"}}
              ]
            }
            """;

        var request = ParseOk(ApiKind.OpenAIChat, Json);

        Assert.Equal(ApiKind.OpenAIChat, request.Api);
        Assert.Equal("gpt-4o", request.Model);
        Assert.True(request.Stream);
        Assert.Equal(
            [
                new PromptMessage("system", "You are terse."),
                new PromptMessage("user", "What is in\nthis picture?"),
                new PromptMessage("assistant", "read_file {\"path\":\"a.txt\"}"),
                new PromptMessage("tool", "file body"),
                new PromptMessage("assistant", "I cannot."),
            ],
            request.Messages);
        Assert.Equal(
            ["You are terse.", "What is in", "this picture?", "read_file {\"path\":\"a.txt\"}", "file body", "I cannot."],
            request.TextPieces);
        Assert.Equal(["read_file", "apply_patch"], request.ToolNames);
    }

    [Fact]
    public void Parse_NoStreamField_IsNotStreamed()
    {
        var request = ParseOk(ApiKind.OpenAIChat, """{"model":"m","messages":[{"role":"user","content":"hi"}]}""");

        Assert.False(request.Stream);
        Assert.Empty(request.ToolNames);
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "'model' is required")]
    [InlineData("""{"model":"m"}""", "'messages' is required")]
    [InlineData("""{"model":7,"messages":[]}""", "'model' must be a string")]
    [InlineData("""{"model":"m","messages":{}}""", "'messages' must be an array")]
    [InlineData("""{"model":"m","stream":"yes","messages":[]}""", "'stream' must be a boolean")]
    [InlineData("""{"model":"m","messages":["hi"]}""", "'messages[0]' must be an object")]
    [InlineData("""{"model":"m","messages":[{"content":"hi"}]}""", "'messages[0].role' is required")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":5}]}""", "'messages[0].content' must be a string or an array")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":1}]}]}""", "'messages[0].content[0].text' must be a string")]
    [InlineData("""{"model":"m","messages":[{"role":"assistant","tool_calls":[{"function":{"name":"f","arguments":{}}}]}]}""", "'messages[0].tool_calls[0].function.arguments' must be a string")]
    [InlineData("""{"model":"m","messages":[],"tools":[{"function":{"name":3}}]}""", "'tools[0].name' must be a string")]
    public void Parse_WrongShape_FailsNamingTheField(string json, string expected)
    {
        var result = Parse(ApiKind.OpenAIChat, json);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error);
    }
}
