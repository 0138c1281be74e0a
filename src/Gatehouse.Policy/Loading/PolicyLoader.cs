using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gatehouse.Policy.Loading;

/// <summary>Parses and compiles a YAML policy, reporting every error with its line and column.</summary>
/// <remarks>
/// A YAML syntax error stops parsing, so it is reported alone; every other error (unknown keys, bad values, CEL that
/// does not compile) is collected across the whole file before the load fails.
/// </remarks>
public static class PolicyLoader
{
    /// <summary>Loads a policy from text.</summary>
    /// <param name="yaml">The policy file's content.</param>
    /// <param name="source">The name diagnostics carry, usually the file path.</param>
    /// <returns>The document, or every error.</returns>
    public static PolicyLoadResult Load(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var bag = new DiagnosticBag(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            bag.Add(exception.Start, $"YAML syntax error: {exception.Message}");
            return new PolicyLoadResult { Errors = bag.Items };
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed files, such as "{a: 1, b[c: 2}" or a
            // key-less mapping entry before a dedented sequence; it is still a syntax error in the file.
            bag.Add(1, 1, "YAML syntax error: the file could not be parsed (check brackets and quotes in flow mappings)");
            return new PolicyLoadResult { Errors = bag.Items };
        }

        if (stream.Documents.Count != 1)
        {
            bag.Add(1, 1, "a policy file must hold exactly one YAML document");
            return new PolicyLoadResult { Errors = bag.Items };
        }

        var document = new DocumentReader(bag).Read(stream.Documents[0].RootNode);
        return bag.HasErrors || document is null
            ? new PolicyLoadResult { Errors = [.. bag.Items.OrderBy(d => d.Line).ThenBy(d => d.Column)] }
            : new PolicyLoadResult { Document = document };
    }

    /// <summary>Loads a policy from a file.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The document, or every error; an unreadable file is one error at 1:1.</returns>
    public static PolicyLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new PolicyLoadResult { Errors = [new PolicyDiagnostic(path, 1, 1, $"cannot read the policy file: {exception.Message}")] };
        }

        return Load(text, path);
    }
}
