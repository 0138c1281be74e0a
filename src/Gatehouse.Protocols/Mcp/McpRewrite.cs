using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Masks one JSON-RPC message a server sends, whole in a body or as one event of a stream, and filters a tool listing.
/// </summary>
/// <remarks>
/// <para>A result: each <c>content[]</c> item's <c>text</c> (and an embedded resource's <c>resource.text</c>), every string
/// of <c>structuredContent</c>, each <c>contents[]</c> item's <c>text</c> (<c>resources/read</c>), each prompt message's
/// <c>content.text</c> (<c>prompts/get</c>). An error: its <c>message</c> and every string of its <c>data</c>. A request or
/// notification the server sends on a stream (logging, progress, sampling, elicitation): every string of its
/// <c>params</c>. Each string is masked whole: an MCP message is never split across events.</para>
/// <para>With <see cref="TextFields.ToolFilter"/> set, a result's <c>tools</c> array keeps only the tools it allows; the
/// others are cut out of the array as written.</para>
/// </remarks>
internal static class McpRewrite
{
    private static readonly TextChannel Content = new(TextChannelKind.Content);

    public static bool Message(JsonElement message, TextFields fields)
    {
        if (TextFields.Member(message, "result") is { } result)
        {
            return Result(result, fields);
        }

        if (TextFields.Member(message, "error", JsonValueKind.Object) is { } error)
        {
            return fields.Whole(error, "message", Content) | fields.WholeStrings(error, "data", Content);
        }

        if (TextFields.Member(message, "method", JsonValueKind.String) is not null)
        {
            return fields.WholeStrings(message, "params", Content);
        }

        fields.UnknownShapes++;
        return false;
    }

    private static bool Result(JsonElement result, TextFields fields)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            fields.UnknownShapes++;
            return false;
        }

        var changed = false;
        foreach (var item in Items(result, "content"))
        {
            changed |= ContentItem(item, fields);
        }

        foreach (var item in Items(result, "contents"))
        {
            changed |= fields.Whole(item, "text", Content);
        }

        foreach (var item in Items(result, "messages"))
        {
            if (TextFields.Member(item, "content", JsonValueKind.Object) is { } content)
            {
                changed |= ContentItem(content, fields);
            }
        }

        changed |= fields.WholeStrings(result, "structuredContent", Content);
        if (fields.ToolFilter is { } filter && TextFields.Member(result, "tools", JsonValueKind.Array) is { } tools)
        {
            changed |= Filter(tools, filter, fields);
        }

        return changed;
    }

    private static bool ContentItem(JsonElement item, TextFields fields)
        => fields.Whole(item, "text", Content)
            | (TextFields.Member(item, "resource", JsonValueKind.Object) is { } resource && fields.Whole(resource, "text", Content));

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name)
        => TextFields.Member(parent, name, JsonValueKind.Array) is { } array
            ? array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    // Rebuilds the array from the allowed tools' bytes as written; a tool without a string name is not shown.
    private static bool Filter(JsonElement tools, Func<string, JsonElement, bool> allowed, TextFields fields)
    {
        var kept = new ArrayBufferWriter<byte>(tools.GetRawText().Length);
        kept.Write("["u8);
        var removed = false;
        var first = true;
        foreach (var tool in tools.EnumerateArray())
        {
            if (TextFields.String(tool, "name") is not { } name || !allowed(name, tool))
            {
                removed = true;
                continue;
            }

            if (!first)
            {
                kept.Write(","u8);
            }

            first = false;
            kept.Write(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(tool));
        }

        kept.Write("]"u8);
        if (removed)
        {
            fields.Edits.SetLiteral(tools, kept.WrittenSpan);
        }

        return removed;
    }
}
