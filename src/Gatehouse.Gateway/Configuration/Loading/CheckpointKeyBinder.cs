using System.Collections;
using System.Security.Cryptography;
using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>
/// Reads <c>audit.checkpoints.key</c>: a private key file (<c>key: PATH</c> or <c>key: { file: PATH }</c>) or the PEM
/// text in an environment variable (<c>key: { env: VAR }</c>, a secret every replica is given). Never quotes the key.
/// </summary>
internal static class CheckpointKeyBinder
{
    /// <summary>The key's source: its file or its PEM text and variable; null after recording why there is none.</summary>
    public sealed record Key(string? File, string? Pem, string? Env);

    public static Key? Bind(SectionReader s, IDictionary environment)
    {
        var node = s.Child("key");
        if (node is null)
        {
            s.Errors.Add(s.ChildPath("key"), null, "required");
            return null;
        }

        if (node.Scalar is not null)
        {
            return FromFile(s.ChildPath("key"), node.Scalar, s.Errors);
        }

        var source = new SectionReader(node, s.Errors);
        var (file, env) = (source.String("file"), source.String("env"));
        source.ReportUnknownKeys();
        if ((file is null) == (env is null))
        {
            s.Errors.Add(source.Path, null, "give a file path, or exactly one of env (a variable holding the PEM text) or file (a path)");
            return null;
        }

        return file is not null ? FromFile(source.ChildPath("file"), file, s.Errors) : FromEnvironment(source.ChildPath("env"), env!, environment, s.Errors);
    }

    private static Key? FromFile(string path, string file, ConfigErrors errors)
    {
        if (!File.Exists(file))
        {
            errors.Add(path, null, $"there is no key file '{file}' (make one with 'gatehouse audit keygen --out {file}')");
            return null;
        }

        if (Secrets.OwnerOnly.Problem(file) is { } unsafeKey)
        {
            errors.Add(path, null, unsafeKey);
            return null;
        }

        return new Key(file, null, null);
    }

    private static Key? FromEnvironment(string path, string variable, IDictionary environment, ConfigErrors errors)
    {
        var pem = environment[variable]?.ToString();
        if (string.IsNullOrWhiteSpace(pem))
        {
            errors.Add(path, null, $"environment variable {variable} is not set");
            return null;
        }

        try
        {
            using var signer = CheckpointSigner.FromPem(pem);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            // The reason names the variable, never its content.
            errors.Add(path, null, $"environment variable {variable} does not hold an ECDSA P-256 private key in PEM");
            return null;
        }

        return new Key(null, pem, variable);
    }
}
