using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Audit.Retention;

namespace Gatehouse.Retention;

/// <summary>The JSON the retention commands write with <c>--json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<LegalHold>))]
[JsonSerializable(typeof(RetentionReport))]
internal sealed partial class RetentionCliJsonContext : JsonSerializerContext;
