// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>One API's response rewriting: how to rewrite its streams and its whole bodies.</summary>
/// <param name="CreateStream">Creates the stateful rewriter of one stream.</param>
/// <param name="Body">Rewrites a whole body.</param>
internal sealed record ResponseRewriting(Func<ITextRewriter, StreamRewriter> CreateStream, BodyRewrite Body)
{
    public static readonly ResponseRewriting OpenAIChat = new(r => new OpenAIChatStreamRewriter(r), OpenAIChatBodyRewriter.Rewrite);

    public static readonly ResponseRewriting OpenAIResponses = new(r => new ResponsesStreamRewriter(r), ResponsesBodyRewriter.Rewrite);

    public static readonly ResponseRewriting Anthropic = new(r => new AnthropicStreamRewriter(r), AnthropicBodyRewriter.Rewrite);
}
