using System.Collections;
using System.Text.RegularExpressions;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Binds how an <c>mcp</c> connection reaches its server: <c>transport</c> for an upstream URL, or <c>stdio</c> for a
/// server the gateway runs (exactly one of <c>upstream</c> and <c>stdio</c>).
/// </summary>
internal static partial class McpTransportBinder
{
    /// <summary>The upstream URL of a stdio connection: a reserved name (RFC 6761) nothing resolves, never dialled.</summary>
    public static readonly Uri StdioUpstream = new("http://stdio.gatehouse.invalid/");

    /// <summary>Returns whether the connection has a <c>stdio</c> section (marking the key as read).</summary>
    public static bool HasStdio(SectionReader connection) => connection.Child("stdio") is not null;

    public static McpUpstreamTransport BindTransport(SectionReader connection, string kind, bool stdio, string? via)
    {
        if (connection.Choice("transport", ConfigNames.Transports) is not { } transport)
        {
            return McpUpstreamTransport.Streamable;
        }

        var path = connection.ChildPath("transport");
        if (kind != "mcp")
        {
            connection.Errors.Add(path, null, $"only applies to connections of kind mcp, not {kind}");
        }
        else if (stdio)
        {
            connection.Errors.Add(path, null, "only applies to an upstream URL, not to a stdio server");
        }
        else if (via is not null && transport == McpUpstreamTransport.Sse)
        {
            connection.Errors.Add(path, null, "sse is not available through an agent (via); use the agent with a Streamable HTTP server");
        }

        return transport;
    }

    public static McpStdioConfig? BindStdio(SectionReader connection, string kind, string? via, IDictionary environment)
    {
        var s = connection.Section("stdio");
        var d = new McpStdioConfig { Command = "" };
        var command = s.RequiredString("command");
        var args = s.StringList("args") ?? [];
        var env = BindEnv(s, environment);
        var workingDirectory = s.String("workingDirectory");
        var scope = s.Choice("scope", ConfigNames.StdioScopes) ?? d.Scope;
        var config = new McpStdioConfig
        {
            Command = command ?? "",
            Args = args,
            Env = env,
            WorkingDirectory = workingDirectory,
            Scope = scope,
            MaxProcesses = (int)s.Long("maxProcesses", d.MaxProcesses, 1, 1024),
            IdleTimeout = s.Duration("idleTimeout", d.IdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        };
        s.ReportUnknownKeys();
        if (kind != "mcp")
        {
            s.Errors.Add(s.Path, null, $"only applies to connections of kind mcp, not {kind}");
        }
        else if (via is not null)
        {
            s.Errors.Add(s.Path, null, "a stdio server runs on the gateway's machine and cannot be reached through an agent (via)");
        }

        if (command is not null && FindCommand(command) is null)
        {
            s.Errors.Add(s.ChildPath("command"), null, command.Contains('/', StringComparison.Ordinal)
                ? $"'{command}' does not exist"
                : $"'{command}' is not found in the gateway's PATH; give its full path");
        }

        if (workingDirectory is not null && !Directory.Exists(workingDirectory))
        {
            s.Errors.Add(s.ChildPath("workingDirectory"), null, $"there is no directory '{workingDirectory}'");
        }

        return command is null ? null : config;
    }

    /// <summary>Returns the full path of <paramref name="command"/>: as given when it has a slash, else the first match in PATH.</summary>
    public static string? FindCommand(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(command))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }

    private static List<McpStdioVariable> BindEnv(SectionReader stdio, IDictionary environment)
    {
        var variables = new List<McpStdioVariable>();
        var node = stdio.Child("env");
        if (node is null)
        {
            return variables;
        }

        if (node.Mapping is null)
        {
            stdio.Errors.Add(node, "must be a section of NAME: value (or NAME: {env: VAR} / {file: PATH} for secrets)");
            return variables;
        }

        foreach (var (name, child) in node.Mapping)
        {
            if (!VariableName().IsMatch(name))
            {
                stdio.Errors.Add(child, $"'{name}' is not an environment variable name (letters, digits and '_', not starting with a digit)");
                continue;
            }

            string? value;
            string source;
            if (child.Scalar is not null || child.IsNull)
            {
                // A literal is for settings (LOG_LEVEL: debug); secrets come from env or file and are never written here.
                value = child.Scalar ?? "";
                source = "literal";
            }
            else
            {
                var reader = new SectionReader(child, stdio.Errors);
                value = SecretSource.Read(reader, environment, out var from);
                reader.ReportUnknownKeys();
                source = from ?? "";
            }

            if (value is null)
            {
                continue;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                stdio.Errors.Add(child, $"the value from {source} contains a NUL character");
                continue;
            }

            variables.Add(new McpStdioVariable(name, value, source));
        }

        return variables;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
