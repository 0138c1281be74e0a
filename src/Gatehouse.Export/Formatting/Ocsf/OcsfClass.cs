namespace Gatehouse.Export.Formatting.Ocsf;

/// <summary>An OCSF event class and its category.</summary>
internal sealed record OcsfClass(int Uid, string Name, int CategoryUid, string CategoryName)
{
    /// <summary>API Activity (6003), in Application Activity: exchanges and approval events.</summary>
    public static readonly OcsfClass ApiActivity = new(6003, "API Activity", 6, "Application Activity");

    /// <summary>Authentication (3002), in Identity &amp; Access Management: sign-in failures.</summary>
    public static readonly OcsfClass Authentication = new(3002, "Authentication", 3, "Identity & Access Management");
}
