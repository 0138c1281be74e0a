using Gatehouse.Protocols.Anthropic;
using Gatehouse.Protocols.OpenAIChat;
using Gatehouse.Protocols.OpenAICompletions;
using Gatehouse.Protocols.OpenAIResponses;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>One API's response rewriting: how to rewrite its streams and its whole bodies.</summary>
/// <param name="CreateStream">Creates the stateful rewriter of one stream.</param>
/// <param name="Body">Rewrites a whole body.</param>
internal sealed record ResponseRewriting(Func<ITextRewriter, StreamRewriter> CreateStream, BodyRewrite Body)
{
    public static readonly ResponseRewriting OpenAIChat = new(r => new OpenAIChatStreamRewriter(r), OpenAIChatBodyRewriter.Rewrite);

    public static readonly ResponseRewriting OpenAIResponses = new(r => new ResponsesStreamRewriter(r), ResponsesBodyRewriter.Rewrite);

    public static readonly ResponseRewriting Anthropic = new(r => new AnthropicStreamRewriter(r), AnthropicBodyRewriter.Rewrite);

    public static readonly ResponseRewriting OpenAICompletions = new(r => new OpenAICompletionsStreamRewriter(r), OpenAICompletionsBodyRewriter.Rewrite);
}
