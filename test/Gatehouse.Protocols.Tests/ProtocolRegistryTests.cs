namespace Gatehouse.Protocols.Tests;

public sealed class ProtocolRegistryTests
{
    private readonly ProtocolRegistry _registry = new();

    [Theory]
    [InlineData("openai", "POST", "v1/chat/completions", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "chat/completions", ApiKind.OpenAIChat)]
    [InlineData("openai", "post", "v1/chat/completions/", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "v1/responses", ApiKind.OpenAIResponses)]
    [InlineData("openai", "POST", "responses/", ApiKind.OpenAIResponses)]
    [InlineData("anthropic", "POST", "v1/messages", ApiKind.AnthropicMessages)]
    [InlineData("anthropic", "POST", "messages", ApiKind.AnthropicMessages)]
    [InlineData("anthropic", "POST", "v1/messages/", ApiKind.AnthropicMessages)]
    [InlineData("openai", "GET", "v1/chat/completions", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/responses/resp_123", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/responses/resp_123/cancel", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/chat/completionsx", ApiKind.Http)]
    [InlineData("openai", "POST", "v2/chat/completions", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/embeddings", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/messages", ApiKind.Http)]
    [InlineData("anthropic", "POST", "v1/messages/count_tokens", ApiKind.Http)]
    [InlineData("anthropic", "POST", "v1/messages/batches", ApiKind.Http)]
    [InlineData("anthropic", "POST", "v1/chat/completions", ApiKind.Http)]
    [InlineData("anthropic", "GET", "v1/messages", ApiKind.Http)]
    [InlineData("http", "POST", "v1/chat/completions", ApiKind.Http)]
    [InlineData("http", "POST", "v1/messages", ApiKind.Http)]
    [InlineData("openai", "POST", "v1//chat/completions", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "/v1/chat/completions", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "v1/chat%2Fcompletions", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "v1/./x/../chat/completions", ApiKind.OpenAIChat)]
    [InlineData("openai", "POST", "V1/Responses", ApiKind.OpenAIResponses)]
    [InlineData("OpenAI", "POST", "v1/responses", ApiKind.OpenAIResponses)]
    [InlineData("anthropic", "POST", "v1/messages%2F", ApiKind.AnthropicMessages)]
    [InlineData("anthropic", "POST", "v1/messages/count_tokens/..", ApiKind.AnthropicMessages)]
    [InlineData("anthropic", "POST", "v1/messages%2Fcount_tokens", ApiKind.Http)]
    [InlineData("openai", "POST", "", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/completions", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "completions", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "v1/engines/copilot-codex/completions", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "engines/gpt-4o-copilot/completions", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "V1/Engines/Copilot-Codex/Completions/", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "v1/engines%2Fcopilot-codex%2Fcompletions", ApiKind.OpenAICompletions)]
    [InlineData("openai", "POST", "v1/engines/a/b/completions", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/engines/completions", ApiKind.Http)]
    [InlineData("openai", "POST", "v1/engines/copilot-codex", ApiKind.Http)]
    [InlineData("openai", "GET", "v1/engines/copilot-codex/completions", ApiKind.Http)]
    [InlineData("anthropic", "POST", "v1/completions", ApiKind.Http)]
    [InlineData("anthropic", "POST", "v1/engines/copilot-codex/completions", ApiKind.Http)]
    public void Resolve_ConnectionMethodPath_ChoosesAdapterOrOpaqueEvenWhenDisguised(string kind, string method, string path, ApiKind expected)
    {
        var adapter = _registry.Resolve(kind, method, path);

        Assert.Equal(expected, adapter?.Api ?? ApiKind.Http);
    }

    [Theory]
    [InlineData(ApiKind.Http, "http")]
    [InlineData(ApiKind.OpenAIChat, "openai.chat")]
    [InlineData(ApiKind.OpenAIResponses, "openai.responses")]
    [InlineData(ApiKind.AnthropicMessages, "anthropic.messages")]
    [InlineData(ApiKind.OpenAICompletions, "openai.completions")]
    public void ApiKindNames_EachKind_HasStableNameThatParsesBack(ApiKind api, string name)
    {
        Assert.Equal(name, api.ToName());
        Assert.True(ApiKindNames.TryParse(name, out var parsed));
        Assert.Equal(api, parsed);
    }

    [Fact]
    public void ApiKindNames_UnknownName_DoesNotParse()
    {
        Assert.False(ApiKindNames.TryParse("openai.embeddings", out _));
        Assert.False(ApiKindNames.TryParse(null, out _));
    }

    [Fact]
    public void Get_EachModelApi_ReturnsTheAdapterResolveReturns()
    {
        Assert.Same(_registry.Resolve("anthropic", "POST", "v1/messages"), _registry.Get(ApiKind.AnthropicMessages));
        Assert.Null(_registry.Get(ApiKind.Http));
    }
}
