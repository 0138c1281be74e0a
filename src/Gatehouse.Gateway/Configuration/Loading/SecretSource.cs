using System.Collections;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Reads a secret named by <c>env</c> (an environment variable) or <c>file</c> (a path): never inline in the file, and
/// never quoted in an error.
/// </summary>
internal static class SecretSource
{
    /// <summary>Returns the value, or null after recording why; <paramref name="source"/> says where it came from.</summary>
    public static string? Read(SectionReader s, IDictionary environment, out string? source)
    {
        source = null;
        var env = s.String("env");
        var file = s.String("file");
        if (s.Child("value") is not null)
        {
            s.Errors.Add(s.ChildPath("value"), null, "secrets are never written in the configuration file: use env or file");
        }

        if ((env is null) == (file is null))
        {
            s.Errors.Add(s.Path, null, "give exactly one of env (an environment variable name) or file (a path)");
            return null;
        }

        if (env is not null)
        {
            source = $"env:{env}";
            var value = environment[env]?.ToString();
            if (string.IsNullOrEmpty(value))
            {
                s.Errors.Add(s.ChildPath("env"), null, $"environment variable {env} is not set");
                return null;
            }

            return value;
        }

        source = $"file:{file}";
        try
        {
            return File.ReadAllText(file!).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            s.Errors.Add(s.ChildPath("file"), null, $"cannot read '{file}': {ex.GetType().Name}");
            return null;
        }
    }
}
