using Gatehouse.Testing;

namespace Gatehouse.DeployTests.Infrastructure;

/// <summary>Paths in the checkout the tests run from: the deployment files are tested where they are shipped.</summary>
internal static class Repository
{
    /// <summary>Gets the checkout's root (the folder holding <c>Gatehouse.slnx</c>).</summary>
    public static string Root => SourceTree.Root;

    /// <summary>Gets <c>deploy/compose</c>.</summary>
    public static string Compose => Path.Combine(Root, "deploy", "compose");

    /// <summary>Gets <c>deploy/kubernetes</c>.</summary>
    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    /// <summary>Gets <c>deploy/agent</c>.</summary>
    public static string Agent => Path.Combine(Root, "deploy", "agent");
}
