using System.Text.Json;

namespace Gatehouse.Export.Tests.Formatting;

/// <summary>The attributes OCSF 1.3 marks required, for the base event and for the classes the export emits.</summary>
internal static class OcsfRequiredFields
{
    private static readonly string[] Base =
        ["activity_id", "category_uid", "class_uid", "metadata.product.name", "metadata.product.vendor_name", "metadata.version", "severity_id", "time", "type_uid"];

    private static readonly string[] ApiActivity = ["actor", "api.operation", "api.service.name", "src_endpoint"];

    private static readonly string[] Authentication = ["user"];

    /// <summary>Returns the required attributes <paramref name="root"/> lacks for its class, and any broken invariant.</summary>
    public static IReadOnlyList<string> Missing(JsonElement root)
    {
        var classUid = root.GetProperty("class_uid").GetInt32();
        var required = Base.Concat(classUid switch
        {
            6003 => ApiActivity,
            3002 => Authentication,
            _ => ["unknown class"],
        });
        var missing = required.Where(path => Find(root, path) is null).ToList();
        if (missing.Count == 0)
        {
            var activity = root.GetProperty("activity_id").GetInt32();
            if (root.GetProperty("type_uid").GetInt64() != (classUid * 100L) + activity)
            {
                missing.Add("type_uid = class_uid * 100 + activity_id");
            }

            if (root.GetProperty("category_uid").GetInt32() != classUid / 1000)
            {
                missing.Add("category_uid matches class_uid");
            }
        }

        return missing;
    }

    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }
}
