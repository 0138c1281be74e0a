using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.ResponseHolds;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResponseHoldEventRecord))]
internal sealed partial class ResponseHoldJsonContext : JsonSerializerContext;
