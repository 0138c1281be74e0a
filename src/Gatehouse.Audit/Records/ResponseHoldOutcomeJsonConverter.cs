using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Audit.Records;

/// <summary>Writes a <see cref="ResponseHoldOutcome"/> as its stable name, and reads one back.</summary>
/// <remarks>
/// Every serialiser that writes the outcome (the audit payload, the audit API, the CLI's JSON) goes through here, so the
/// name is the table's wherever it is written. A name this build does not know reads as
/// <see cref="ResponseHoldOutcome.Unknown"/> rather than failing: an audit record is never refused for what it says.
/// </remarks>
public sealed class ResponseHoldOutcomeJsonConverter : JsonConverter<ResponseHoldOutcome>
{
    /// <inheritdoc/>
    public override ResponseHoldOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a response hold's outcome is a string");
        }

        return ResponseHoldOutcomeNames.TryParse(reader.GetString(), out var outcome) ? outcome : ResponseHoldOutcome.Unknown;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ResponseHoldOutcome value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToName());
    }
}
