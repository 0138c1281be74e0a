using System.CommandLine;

namespace Gatehouse.Cli;

/// <summary>Options shared by the commands that read the configuration or the store.</summary>
internal static class CommonOptions
{
    public const string ConfigEnvironmentVariable = "GATEHOUSE_CONFIG";

    public static Option<FileInfo?> Config() => new("--config", "-c")
    {
        Description = $"The YAML configuration file. Default: ${ConfigEnvironmentVariable}, else ./gatehouse.yaml when it exists.",
        HelpName = "FILE",
    };

    public static Option<string?> Database() => new("--db")
    {
        Description = "An SQLite database file to use instead of the configured store (storage.sqlite or storage.postgres). Default: the configuration's, else ./.gatehouse/gatehouse.db.",
        HelpName = "PATH",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON for scripts instead of a table for people.",
    };

    /// <summary>The configuration file to use: the option, the environment variable, or ./gatehouse.yaml if present.</summary>
    public static string? ResolveConfigPath(FileInfo? option)
    {
        if (option is not null)
        {
            return option.FullName;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(ConfigEnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return File.Exists("gatehouse.yaml") ? Path.GetFullPath("gatehouse.yaml") : null;
    }
}
