using static Gatehouse.Protocols.Tests.Requests.RequestParsing;

namespace Gatehouse.Protocols.Tests.Requests;

public sealed class OpenAICompletionsRequestTests
{
    [Fact]
    public void Parse_CopilotInlineCompletion_PromptThenSuffixAreThePrompt()
    {
        // The shape Copilot's inline completions send (engine in the path, no model in the body).
        const string Json = """
            {
              "prompt": "# Path: app.py\ndef add(x, y):\n    return ",
              "suffix": "\n\nprint(add(1, 2))\n",
              "max_tokens": 500, "temperature": 0, "top_p": 1, "n": 1,
              "stop": ["\n"],
              "nwo": "acme/app",
              "stream": true,
              "extra": {"language": "python", "next_indent": 0, "trim_by_indentation": true, "prompt_tokens": 18, "suffix_tokens": 7}
            }
            """;

        var request = ParseOk(ApiKind.OpenAICompletions, Json);

        Assert.Equal(ApiKind.OpenAICompletions, request.Api);
        Assert.Null(request.Model);
        Assert.True(request.Stream);
        Assert.Equal(
            [new PromptMessage("prompt", "# Path: app.py\ndef add(x, y):\n    return "), new PromptMessage("suffix", "\n\nprint(add(1, 2))\n")],
            request.Messages);
        Assert.Equal(["# Path: app.py\ndef add(x, y):\n    return ", "\n\nprint(add(1, 2))\n"], request.TextPieces);
        Assert.Empty(request.ToolNames);
    }

    [Fact]
    public void Parse_ArrayOfPrompts_EachIsAPromptMessage()
    {
        var request = ParseOk(ApiKind.OpenAICompletions, """{"model":"gpt-3.5-turbo-instruct","prompt":["one","","two"],"stop":"END"}""");

        Assert.Equal("gpt-3.5-turbo-instruct", request.Model);
        Assert.False(request.Stream);
        Assert.Equal([new PromptMessage("prompt", "one"), new PromptMessage("prompt", ""), new PromptMessage("prompt", "two")], request.Messages);
        Assert.Equal(["one", "two"], request.TextPieces);
    }

    [Fact]
    public void Parse_NoPromptNorSuffix_HasNothingToInspect()
    {
        var request = ParseOk(ApiKind.OpenAICompletions, """{"model":"m","prompt":null,"suffix":null}""");

        Assert.Empty(request.Messages);
        Assert.Empty(request.TextPieces);
    }

    [Theory]
    [InlineData("""{"prompt":[1,2,3]}""", "'prompt[0]' must be a string: prompts of token ids cannot be inspected")]
    [InlineData("""{"prompt":["a",[1,2]]}""", "'prompt[1]' must be a string: prompts of token ids cannot be inspected")]
    [InlineData("""{"prompt":42}""", "'prompt' must be a string or an array of strings")]
    [InlineData("""{"prompt":"a","suffix":["b"]}""", "'suffix' must be a string")]
    [InlineData("""{"prompt":"a","model":7}""", "'model' must be a string")]
    [InlineData("""{"prompt":"a","stream":"yes"}""", "'stream' must be a boolean")]
    [InlineData("""{"prompt":"a","max_tokens":"500"}""", "'max_tokens' must be an integer")]
    [InlineData("""{"prompt":"a","n":1.5}""", "'n' must be an integer")]
    [InlineData("""{"prompt":"a","stop":["\n",3]}""", "'stop' must be a string or an array of strings")]
    [InlineData("""["a"]""", "request body is not a JSON object")]
    public void Parse_WrongShape_RefusedWithTheFieldNamed(string json, string expected)
    {
        var result = Parse(ApiKind.OpenAICompletions, json);

        Assert.False(result.Success);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongShape_NeverQuotesTheBody()
    {
        var result = Parse(ApiKind.OpenAICompletions, """{"prompt":"ghp_secretvalue","suffix":{"x":"ghp_secretvalue"}}""");

        Assert.False(result.Success);
        Assert.DoesNotContain("ghp_", result.Error, StringComparison.Ordinal);
    }
}
