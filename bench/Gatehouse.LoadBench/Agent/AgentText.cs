using System.Globalization;
using System.Text;

namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// Deterministic text of the kinds a coding agent sends: prose (instructions, answers), C# source (file reads) and
/// build output (tool results). Drawn from fixed vocabularies with a seeded random, so one seed always gives the same
/// bytes; nothing in it looks like a secret or personal data, so masking scans it all and rewrites none of it.
/// </summary>
internal sealed class AgentText(SeededRandom random)
{
    private static readonly string[] Words =
    [
        "the", "agent", "reads", "file", "before", "editing", "change", "test", "build", "project", "method", "class", "return",
        "value", "when", "never", "always", "prefer", "small", "diff", "explain", "briefly", "user", "asks", "tool", "result",
        "folder", "repository", "commit", "branch", "review", "error", "warning", "compile", "search", "pattern", "replace",
        "line", "column", "async", "task", "cancel", "token", "stream", "buffer", "parse", "json", "schema", "option", "default",
        "queue", "retry", "timeout", "request", "response", "header", "status", "module", "package", "version", "format",
    ];

    private static readonly string[] Types = ["Order", "Invoice", "Cart", "Ledger", "Report", "Session", "Catalog", "Shipment", "Payment", "Account"];

    private static readonly string[] Verbs = ["Load", "Save", "Apply", "Compute", "Validate", "Merge", "Render", "Publish", "Refresh", "Resolve"];

    public SeededRandom Random { get; } = random;

    /// <summary>Returns sentences of prose adding up to about <paramref name="bytes"/> bytes.</summary>
    public string Prose(int bytes)
    {
        var text = new StringBuilder(bytes + 80);
        while (text.Length < bytes)
        {
            var length = Random.Next(8, 18);
            for (var i = 0; i < length; i++)
            {
                var word = Words[Random.Next(Words.Length)];
                text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == length - 1 ? ". " : " ");
            }

            if (Random.Next(6) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Returns C# source adding up to about <paramref name="bytes"/> bytes.</summary>
    public string Source(int bytes)
    {
        var type = Types[Random.Next(Types.Length)];
        var text = new StringBuilder(bytes + 200);
        text.Append(CultureInfo.InvariantCulture, $"namespace Shop.{type}s;\n\ninternal sealed class {type}Service(I{type}Store store)\n{{\n");
        var n = 0;
        while (text.Length < bytes)
        {
            var verb = Verbs[Random.Next(Verbs.Length)];
            var limit = Random.Next(2, 500);
            text.Append(CultureInfo.InvariantCulture, $"    public async Task<int> {verb}{type}{n++}Async(int id, CancellationToken cancellationToken)\n    {{\n");
            text.Append(CultureInfo.InvariantCulture, $"        var item = await store.Find{type}Async(id, cancellationToken);\n");
            text.Append(CultureInfo.InvariantCulture, $"        // {Prose(40)}\n");
            text.Append(CultureInfo.InvariantCulture, $"        return item is null ? 0 : Math.Min(item.Count, {limit});\n    }}\n\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Returns build or test output adding up to about <paramref name="bytes"/> bytes.</summary>
    public string BuildOutput(int bytes)
    {
        var text = new StringBuilder(bytes + 200);
        var n = 0;
        while (text.Length < bytes)
        {
            var type = Types[Random.Next(Types.Length)];
            text.Append(CultureInfo.InvariantCulture,
                $"src/Shop/{type}s/{type}Service.cs({Random.Next(1, 400)},{Random.Next(1, 80)}): warning CS{Random.Next(1000, 9000)}: {Prose(60)} [src/Shop/Shop.csproj]\n");
            if (++n % 5 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  Passed Shop.Tests.{type}ServiceTests.{Verbs[Random.Next(Verbs.Length)]}_Works [{Random.Next(1, 90)} ms]\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Returns a source file's path in the agent's repository.</summary>
    public string Path() => $"src/Shop/{Types[Random.Next(Types.Length)]}s/{Verbs[Random.Next(Verbs.Length)]}{Types[Random.Next(Types.Length)]}.cs";
}
