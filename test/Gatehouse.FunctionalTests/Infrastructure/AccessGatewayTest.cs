using Gatehouse.Gateway.Configuration;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A gateway under the test class's own policy, with just-in-time access to the connection <c>locked</c> (reviewed
/// by <c>leads</c>, for up to 4 h), and a client for any user: the set-up the access and review tests share.
/// </summary>
public abstract class AccessGatewayTest : GatewayTest
{
    private string _policyPath = "";

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Gets the policy file's YAML.</summary>
    protected abstract string Policy { get; }

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-{GetType().Name}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        var rules = new AccessConnectionConfig { ReviewerGroups = ["leads"], MaxDuration = TimeSpan.FromHours(4) };
        return config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            Access = new AccessConfig { Connections = new Dictionary<string, AccessConnectionConfig> { ["locked"] = rules } },
        };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    /// <summary>Gets a client signed in as <paramref name="user"/> in <paramref name="groups"/> (comma-separated).</summary>
    protected HttpClient As(string user, string groups) => Gateway.Client(Gateway.Token(user, groups.Split(',')));
}
