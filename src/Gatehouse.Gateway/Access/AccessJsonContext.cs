using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.Access;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccessEventRecord))]
internal sealed partial class AccessJsonContext : JsonSerializerContext;
