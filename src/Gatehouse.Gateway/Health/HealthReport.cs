using Gatehouse.Audit.Versioning;

namespace Gatehouse.Gateway.Health;

/// <summary>The body of <c>/healthz</c>: the process is up, and which build it runs.</summary>
/// <param name="Status">Always <c>ok</c>: the endpoint answers only while the process serves.</param>
/// <param name="Version">The Gatehouse version, as <c>gatehouse --version</c> prints it.</param>
/// <param name="Commit">The commit it was built from, or null when unknown.</param>
internal sealed record HealthReport(string Status, string Version, string? Commit)
{
    /// <summary>Gets the report of the running build; it never changes while the process runs.</summary>
    public static HealthReport Current { get; } = new("ok", GatehouseVersion.Current.Version, GatehouseVersion.Current.Commit);
}
