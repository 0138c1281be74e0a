using System.Globalization;
using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Cli;

namespace Gatehouse.AuditCommands;

/// <summary>Formats exchanges for people: a table for search, a full page for show.</summary>
internal static class ExchangeText
{
    public static string Table(ExchangePage page)
    {
        var rows = page.Items.Select(r => new[]
        {
            Time(r.Intent.StartedAt),
            r.Intent.Identity.Email ?? r.Intent.Identity.Subject,
            r.Intent.Connection,
            r.Outcome?.Model ?? r.Intent.Model ?? "-",
            Status(r),
            r.ExchangeId,
            Excerpt(r.Intent.Prompt, 48),
        });
        var text = new StringBuilder(TextTable.Render(["TIME (UTC)", "USER", "CONNECTION", "MODEL", "STATUS", "EXCHANGE", "PROMPT"], rows));
        if (page.NextCursor is { } next)
        {
            text.Append("more: --cursor ").Append(next).Append('\n');
        }

        return text.ToString();
    }

    public static string Detail(ExchangeRecord record)
    {
        var (intent, outcome) = (record.Intent, record.Outcome);
        var text = new StringBuilder();
        Line(text, "exchange", record.ExchangeId);
        Line(text, "started", Time(intent.StartedAt));
        Line(text, "ended", outcome is null ? (record.Interrupted ? "interrupted" : "not recorded") : Time(outcome.CompletedAt));
        Line(text, "user", $"{intent.Identity.Subject}{(intent.Identity.Email is { } e ? $" <{e}>" : "")} via {intent.Identity.Method}");
        Line(text, "groups", intent.Identity.Groups.Count == 0 ? "-" : string.Join(", ", intent.Identity.Groups));
        Line(text, "issuer", intent.Identity.Issuer ?? intent.Identity.KeyId ?? "-");
        Line(text, "client", $"{intent.ClientAddress ?? "-"} {intent.UserAgent}".TrimEnd());
        Line(text, "request", $"{intent.Method} /{intent.Connection}{intent.Path} ({intent.Api}{(intent.Stream ? ", streamed" : "")}, {intent.RequestBytes} bytes)");
        Line(text, "model", outcome?.Model ?? intent.Model ?? "-");
        Line(text, "decision", intent.DecisionReason is null ? intent.Decision : $"{intent.Decision} ({intent.DecisionReason})");
        if (outcome is not null)
        {
            Line(text, "status", outcome.Status.ToString(CultureInfo.InvariantCulture));
            Line(text, "duration", $"{outcome.DurationMs:0.0} ms (upstream headers after {(outcome.UpstreamMs is { } u ? $"{u:0.0} ms" : "-")})");
            Line(text, "usage", $"{outcome.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "-"} in, {outcome.OutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "-"} out; finish {outcome.FinishReason ?? "-"}");
            Line(text, "coverage", string.Join(", ", outcome.Coverage));
            if (outcome.Failure is not null)
            {
                Line(text, "failure", $"{outcome.Failure}: {outcome.FailureDetail}");
            }
        }

        text.Append("\n--- prompt ---\n").Append(intent.Prompt ?? "(none)").Append('\n');
        text.Append("\n--- response ---\n").Append(outcome?.Response ?? "(none)").Append('\n');
        foreach (var call in outcome?.ToolCalls ?? [])
        {
            text.Append("\n--- tool call ").Append(call.Name).Append(call.Id is null ? "" : $" ({call.Id})").Append(" ---\n").Append(call.Arguments).Append('\n');
        }

        return text.ToString();
    }

    private static string Status(ExchangeRecord record)
        => record.Outcome is { } o
            ? o.Failure is null ? o.Status.ToString(CultureInfo.InvariantCulture) : $"{o.Status} {o.Failure}"
            : record.Interrupted ? "interrupted" : "open";

    private static void Line(StringBuilder text, string label, string value) => text.Append(label.PadRight(10)).Append(value).Append('\n');

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Excerpt(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
