using System.Text;

namespace Gatehouse.Protocols.Benchmarks;

/// <summary>Long streamed responses: 2,000 text chunks each, in the OpenAI chat and Anthropic shapes.</summary>
internal static class BenchStreams
{
    private const int Chunks = 2000;

    public static byte[] OpenAIChat()
    {
        var chat = new StringBuilder();
        for (var i = 0; i < Chunks; i++)
        {
            chat.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word ")
                .Append(i).Append(" and more\"},\"finish_reason\":null}]}\n\n");
        }

        chat.Append("data: {\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4000,\"total_tokens\":4009}}\n\ndata: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(chat.ToString());
    }

    public static byte[] Anthropic()
    {
        var anthropic = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n");
        anthropic.Append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (var i = 0; i < Chunks; i++)
        {
            anthropic.Append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"word ")
                .Append(i).Append(" and more\"}}\n\n");
        }

        anthropic.Append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return Encoding.UTF8.GetBytes(anthropic.ToString());
    }
}
