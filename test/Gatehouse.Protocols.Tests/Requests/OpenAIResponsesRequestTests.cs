using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class OpenAIResponsesRequestTests
{
    [Fact]
    public void Parse_InstructionsAndItems_FlattensEveryItem()
    {
        const string Json = """
            {
              "model": "gpt-5-codex",
              "instructions": "You are a coding agent.",
              "stream": true,
              "input": [
                {"type": "message", "role": "user", "content": [
                  {"type": "input_text", "text": "Fix the bug"},
                  {"type": "input_image", "image_url": "https://example.invalid/a.png"}
                ]},
                {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "Look at main."}], "encrypted_content": "xyz"},
                {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Reading."}]},
                {"type": "function_call", "call_id": "call_1", "name": "shell", "arguments": "{\"cmd\":[\"cat\",\"main.c\"]}"},
                {"type": "function_call_output", "call_id": "call_1", "output": "int main() {}"},
                {"role": "user", "content": "Thanks"},
                {"type": "item_reference", "id": "msg_9"}
              ],
              "tools": [{"type": "function", "name": "shell", "parameters": {}}, {"type": "web_search"}]
            }
            """;

        var request = ParseOk(ApiKind.OpenAIResponses, Json);

        Assert.Equal("gpt-5-codex", request.Model);
        Assert.True(request.Stream);
        Assert.Equal(
            [
                new PromptMessage("system", "You are a coding agent."),
                new PromptMessage("user", "Fix the bug"),
                new PromptMessage("assistant", "Look at main."),
                new PromptMessage("assistant", "Reading."),
                new PromptMessage("assistant", "shell {\"cmd\":[\"cat\",\"main.c\"]}"),
                new PromptMessage("tool", "int main() {}"),
                new PromptMessage("user", "Thanks"),
            ],
            request.Messages);
        Assert.Equal(
            ["You are a coding agent.", "Fix the bug", "Look at main.", "Reading.", "shell {\"cmd\":[\"cat\",\"main.c\"]}", "int main() {}", "Thanks"],
            request.TextPieces);
        Assert.Equal(["shell", "web_search"], request.ToolNames);
    }

    [Fact]
    public void Parse_StringInput_IsOneUserMessage()
    {
        var request = ParseOk(ApiKind.OpenAIResponses, """{"model":"m","input":"Hello"}""");

        Assert.Equal([new PromptMessage("user", "Hello")], request.Messages);
        Assert.Equal(["Hello"], request.TextPieces);
    }

    [Theory]
    [InlineData("""{"input":"x"}""", "'model' is required")]
    [InlineData("""{"model":"m","input":3}""", "'input' must be a string or an array")]
    [InlineData("""{"model":"m","instructions":[],"input":"x"}""", "'instructions' must be a string")]
    [InlineData("""{"model":"m","input":[{"type":"message","content":"x"}]}""", "'input[0].role' is required")]
    [InlineData("""{"model":"m","input":[{"type":"function_call_output","output":{}}]}""", "'input[0].output' must be a string or an array")]
    [InlineData("""{"model":"m","input":[{"type":"function_call","name":"f","arguments":{}}]}""", "'input[0].arguments' must be a string")]
    public void Parse_WrongShape_FailsNamingTheField(string json, string expected)
    {
        var result = Parse(ApiKind.OpenAIResponses, json);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error);
    }
}
