using System.Text.Json;
using Gatehouse.Audit.Records;

namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>Writes <c>unmapped.gatehouse</c>: what OCSF has no attribute for (decision, rules, findings, usage, chain hash).</summary>
internal static class OcsfUnmapped
{
    public static void Write(Utf8JsonWriter writer, DecodedEntry decoded, bool includeBodies)
    {
        writer.WriteStartObject("unmapped");
        writer.WriteStartObject("gatehouse");
        writer.WriteString("kind", decoded.Entry.Kind);
        writer.WriteString("hash", Convert.ToHexStringLower(decoded.Entry.Hash));
        if (decoded.Intent is { } intent)
        {
            writer.WriteString("decision", intent.Decision);
            if (intent.DecisionReason is not null)
            {
                writer.WriteString("decision_reason", intent.DecisionReason);
            }

            Strings(writer, "rules", intent.Rules);
            if (intent.Model is not null)
            {
                writer.WriteString("model", intent.Model);
            }

            writer.WriteBoolean("stream", intent.Stream);
            Findings(writer, intent.Findings);
        }

        if (decoded.Outcome is { } outcome)
        {
            WriteOutcome(writer, outcome, includeBodies);
        }

        if (decoded.Review is { } review)
        {
            WriteReview(writer, review);
        }

        if (decoded.BodyText is { } body)
        {
            writer.WriteString(decoded.Intent is not null ? "prompt" : "response", body);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter writer, ExchangeOutcome outcome, bool includeBodies)
    {
        Optional(writer, "model", outcome.Model);
        Optional(writer, "failure", outcome.Failure);
        Optional(writer, "failure_detail", outcome.FailureDetail);
        Optional(writer, "finish_reason", outcome.FinishReason);
        if (outcome.InputTokens is { } input)
        {
            writer.WriteNumber("input_tokens", input);
        }

        if (outcome.OutputTokens is { } output)
        {
            writer.WriteNumber("output_tokens", output);
        }

        Strings(writer, "coverage", outcome.Coverage);
        Findings(writer, outcome.Findings);
        writer.WriteStartArray("tool_calls");
        foreach (var call in outcome.ToolCalls)
        {
            writer.WriteStartObject();
            writer.WriteString("name", call.Name);
            if (includeBodies)
            {
                writer.WriteString("arguments", call.Arguments);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteReview(Utf8JsonWriter writer, ReviewFacts review)
    {
        Optional(writer, "approval_id", review.Id);
        Optional(writer, "exchange_id", review.ExchangeId);
        Optional(writer, "requester", review.Requester);
        Optional(writer, "reviewer", review.Reviewer);
        Optional(writer, "decision", review.Decision);
    }

    private static void Findings(Utf8JsonWriter writer, IReadOnlyList<AuditFinding> findings)
    {
        Strings(writer, "finding_categories", [.. findings.Select(f => f.Category).Distinct(StringComparer.Ordinal)]);
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule);
            writer.WriteString("category", finding.Category);
            writer.WriteString("direction", finding.Direction);
            writer.WriteString("field", finding.Field);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
