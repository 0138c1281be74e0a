using System.Text.Json.Serialization;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>Serialises a requester and a review policy into one column each.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Principal))]
[JsonSerializable(typeof(ReviewPolicy))]
internal sealed partial class ReviewJsonContext : JsonSerializerContext;
