using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Gateway.Approvals;

namespace Gatehouse.Control.Reviews;

/// <summary>The review API's bodies in and out: <c>/api/reviews</c>, <c>/api/approvals</c> and <c>/api/access/requests</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReviewItem))]
[JsonSerializable(typeof(List<ReviewItem>))]
[JsonSerializable(typeof(ApprovalView))]
[JsonSerializable(typeof(List<ApprovalView>))]
[JsonSerializable(typeof(GrantView))]
[JsonSerializable(typeof(List<GrantView>))]
[JsonSerializable(typeof(AccessRequestInput))]
[JsonSerializable(typeof(ReviewInput))]
internal sealed partial class ReviewApiJsonContext : JsonSerializerContext;
