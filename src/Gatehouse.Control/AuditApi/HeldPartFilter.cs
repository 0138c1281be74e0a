using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.ResponseHolds;

namespace Gatehouse.Control.AuditApi;

/// <summary>Withholds from a requester the part of their own exchange that was held from them and never released.</summary>
/// <remarks>
/// A held or refused tool call did not reach the requester; reading it back from the audit API would undo the hold
/// (the arguments are often the very thing a rule stops: a path, a command, a secret the model produced). Auditors and
/// admins read the exchange whole; the reviewers see the held calls through the approval they decide.
/// </remarks>
internal static class HeldPartFilter
{
    /// <summary>What the requester is told instead.</summary>
    public const string Notice = "The held part of the response (tool call arguments and held text) is withheld: it was never released to you. An auditor can read it.";

    /// <summary>Returns whether the outcome's response was held and then not released.</summary>
    public static bool WasWithheld(ExchangeOutcome? outcome)
        => outcome?.ResponseHold is { } hold && hold.Outcome is not (ResponseHoldOutcome.Approved or ResponseHoldOutcome.Released);

    /// <summary>Returns the record without the unreleased part: no tool call arguments, no response text.</summary>
    public static ExchangeRecord Withhold(ExchangeRecord record)
        => WasWithheld(record.Outcome)
            ? record with { Outcome = record.Outcome! with { Response = null, ToolCalls = [.. record.Outcome.ToolCalls.Select(t => t with { Arguments = "" })] } }
            : record;

    /// <summary>Returns the event without the held tool calls a <c>response.held</c> entry keeps for reviewers.</summary>
    public static AuditEventView Withhold(AuditEventView view)
    {
        if (view.Details.ValueKind != JsonValueKind.Object || !view.Details.TryGetProperty(ResponseHoldEventRecord.HeldProperty, out _))
        {
            return view;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in view.Details.EnumerateObject().Where(p => p.Name != ResponseHoldEventRecord.HeldProperty))
            {
                property.WriteTo(json);
            }

            json.WriteEndObject();
        }

        using var details = JsonDocument.Parse(buffer.ToArray());
        return view with { Details = details.RootElement.Clone() };
    }
}
