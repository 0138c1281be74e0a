using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Audit.Retention;

/// <summary>The payloads of retention and hold entries: camelCase, no nulls, field order fixed by the records.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RetentionReport))]
[JsonSerializable(typeof(LegalHold))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext;
