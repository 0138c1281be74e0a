using System.Collections;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Connection;

/// <summary>Resolves a <see cref="PostgresConnectionSource"/> into a connection string, listing every problem at once.</summary>
/// <remarks>
/// Errors name the setting (<c>storage.postgres.env</c>, the variable's name, the file's path) and never the string:
/// a parser's message can quote it, so a malformed string is reported without its text.
/// </remarks>
public static class PostgresConnectionResolver
{
    private const string Prefix = "storage.postgres";

    /// <summary>Resolves <paramref name="source"/>, reading environment variables from <paramref name="environment"/>.</summary>
    public static PostgresConnectionResult Resolve(PostgresConnectionSource source, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(environment);
        var given = new List<string>(3);
        if (source.ConnectionString is not null)
        {
            given.Add("connectionString");
        }

        if (source.Env is not null)
        {
            given.Add("env");
        }

        if (source.File is not null)
        {
            given.Add("file");
        }

        if (given.Count != 1)
        {
            var found = given.Count == 0 ? "none is set" : $"{string.Join(", ", given)} are all set";
            return Failed($"{Prefix}: set exactly one of connectionString, env or file ({found})");
        }

        var errors = new List<string>();
        var text = source.ConnectionString ?? FromEnvironment(source.Env, environment, errors) ?? FromFile(source.File, errors);
        if (text is null)
        {
            return new PostgresConnectionResult(null, errors);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Failed($"{Prefix}: the connection string from {given[0]} is empty");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            return Failed($"{Prefix}: the connection string from {given[0]} is not a valid PostgreSQL connection string (its text is not shown)");
        }

        return new PostgresConnectionResult(text, []);
    }

    private static string? FromEnvironment(string? name, IDictionary environment, List<string> errors)
    {
        if (name is null)
        {
            return null;
        }

        if (environment[name] is string value && value.Length > 0)
        {
            return value;
        }

        errors.Add($"{Prefix}.env: the environment variable '{name}' is not set or is empty");
        return null;
    }

    private static string? FromFile(string? path, List<string> errors)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return System.IO.File.ReadAllText(path).Trim();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{Prefix}.file: '{path}' cannot be read ({error.GetType().Name})");
            return null;
        }
    }

    private static PostgresConnectionResult Failed(string error) => new(null, [error]);
}
