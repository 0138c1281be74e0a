using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Control.AuditApi;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditPageView))]
[JsonSerializable(typeof(AuditExchangeView))]
internal sealed partial class AuditApiJsonContext : JsonSerializerContext;
