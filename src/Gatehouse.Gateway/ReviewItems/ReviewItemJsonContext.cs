using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Gateway.ReviewItems;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReviewItem))]
[JsonSerializable(typeof(List<ReviewItem>))]
internal sealed partial class ReviewItemJsonContext : JsonSerializerContext;
