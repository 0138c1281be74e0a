using System.Collections;
using Gatehouse.Storage.Postgres.Connection;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>Resolving storage.postgres: exactly one source, every error listed, the string never echoed. Needs no server.</summary>
public sealed class PostgresConnectionResolverTests : IDisposable
{
    private const string Secret = "Sup3r-Secret-Value-4711";
    private const string Valid = "Host=db.internal;Database=gatehouse;Username=gatehouse;Password=" + Secret;
    private const string Malformed = "Host=db.internal;Password=" + Secret + ";NoSuchKeyword=1";

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-pgconn-").FullName;

    [Fact]
    public void Resolve_EachSource_ReturnsTheString()
    {
        var file = Write("conn.txt", Valid + "\n");
        var environment = new Hashtable { ["PG_URL"] = Valid };

        Assert.Equal(Valid, Resolve(new() { ConnectionString = Valid }).ConnectionString);
        Assert.Equal(Valid, PostgresConnectionResolver.Resolve(new() { Env = "PG_URL" }, environment).ConnectionString);
        Assert.Equal(Valid, Resolve(new() { File = file }).ConnectionString);
    }

    [Fact]
    public void Resolve_NoneOrSeveralSources_OneErrorNamingTheChoice()
    {
        var none = Resolve(new());
        var two = Resolve(new() { ConnectionString = Valid, Env = "PG_URL" });

        Assert.Contains("set exactly one of connectionString, env or file (none is set)", Assert.Single(none.Errors), StringComparison.Ordinal);
        Assert.Contains("connectionString, env are all set", Assert.Single(two.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, two.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingVariableOrFile_NamesTheSettingToFix()
    {
        var variable = Resolve(new() { Env = "GATEHOUSE_TEST_NO_SUCH_VARIABLE" });
        var file = Resolve(new() { File = Path.Combine(_directory, "missing.txt") });

        Assert.Equal("storage.postgres.env: the environment variable 'GATEHOUSE_TEST_NO_SUCH_VARIABLE' is not set or is empty", Assert.Single(variable.Errors));
        Assert.StartsWith("storage.postgres.file: '", Assert.Single(file.Errors), StringComparison.Ordinal);
        Assert.False(file.IsResolved);
    }

    [Fact]
    public void Resolve_MalformedString_ErrorNeverQuotesIt()
    {
        var inline = Resolve(new() { ConnectionString = Malformed });
        var fromFile = Resolve(new() { File = Write("bad.txt", Malformed) });

        foreach (var result in new[] { inline, fromFile })
        {
            var error = Assert.Single(result.Errors);
            Assert.Contains("not a valid PostgreSQL connection string", error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
            Assert.DoesNotContain("NoSuchKeyword", error, StringComparison.Ordinal);
            Assert.Null(result.ConnectionString);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static PostgresConnectionResult Resolve(PostgresConnectionSource source) =>
        PostgresConnectionResolver.Resolve(source, new Hashtable());

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
