namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>The PostgreSQL server the suite runs against: the one ./test.sh started, named by an environment variable.</summary>
/// <remarks>
/// ./test.sh sets <see cref="Variable"/> and <see cref="RequiredVariable"/>; with the second set, a missing server is a
/// failure, so a CI run can never pass by skipping. A developer running <c>dotnet test</c> on this project without a
/// server gets the PostgreSQL tests skipped with the reason, and the SQLite half of the contract still runs.
/// </remarks>
public static class PostgresServer
{
    public const string Variable = "GATEHOUSE_TEST_POSTGRES";
    public const string RequiredVariable = "GATEHOUSE_TEST_POSTGRES_REQUIRED";

    /// <summary>Returns the connection string, or fails or skips the calling test when there is none.</summary>
    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail($"{RequiredVariable}=1 but {Variable} is not set: the PostgreSQL tests cannot run (see build/test-postgres.sh).");
        }

        Assert.Skip($"{Variable} is not set: no PostgreSQL server to test against. Run ./test.sh, or start one and set {Variable} to its connection string.");
        return string.Empty;
    }
}
