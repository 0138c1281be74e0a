using System.Text.Json.Serialization;
using Gatehouse.Audit.Records;

namespace Gatehouse.Audit.Payloads;

/// <summary>The source-generated serialiser for entry payloads.</summary>
/// <remarks>
/// Property order is the declaration order and nulls are omitted, so one record always serialises to the same bytes;
/// the chain hashes the stored bytes, never a re-serialisation, so old entries verify whatever this context becomes.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ExchangeIntent))]
[JsonSerializable(typeof(ExchangeOutcome))]
[JsonSerializable(typeof(SignInFailure))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
