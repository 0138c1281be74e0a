using System.Text;

namespace Gatehouse.Protocols.Tests.Responses;

/// <summary>Runs response bodies through the registry's assemblers, as the gateway does.</summary>
internal static class Assembling
{
    public const string EventStream = "text/event-stream";
    public const string JsonType = "application/json";

    public static ResponseSummary Run(
        ApiKind api, string contentType, string body, IEnumerable<int>? splits = null, bool complete = true, int maxTextChars = 1_048_576)
        => Run(api, contentType, Encoding.UTF8.GetBytes(body), splits, complete, maxTextChars);

    public static ResponseSummary Run(
        ApiKind api, string contentType, byte[] body, IEnumerable<int>? splits = null, bool complete = true, int maxTextChars = 1_048_576)
    {
        var assembler = new ProtocolRegistry(maxTextChars).Get(api)!.CreateResponseAssembler(contentType);
        foreach (var chunk in Chunking.Split(body, splits))
        {
            assembler.Append(chunk);
        }

        return assembler.Complete(complete);
    }

    /// <summary>A comparable rendering of everything a summary says.</summary>
    public static string Describe(ResponseSummary s)
        => $"model={s.Model}|text={s.Text}|cut={s.TextTruncated}|reasoning={s.Reasoning}|calls="
            + string.Join(";", s.ToolCalls.Select(c => $"{c.Id},{c.Name},{c.Arguments}"))
            + $"|usage={s.Usage}|finish={s.FinishReason}|unknown={s.UnknownEvents}|error={s.Error}";
}
