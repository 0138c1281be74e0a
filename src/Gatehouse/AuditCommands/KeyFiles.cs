using System.CommandLine;
using System.Security.Cryptography;
using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.AuditCommands;

/// <summary>Reads and writes checkpoint key files for the audit commands, reporting problems to the user.</summary>
internal static class KeyFiles
{
    /// <summary>Returns where the public key of <paramref name="privateKeyPath"/> goes: beside it, as NAME.pub.pem.</summary>
    public static string PublicKeyPathFor(string privateKeyPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(privateKeyPath))!, Path.GetFileNameWithoutExtension(privateKeyPath) + ".pub.pem");

    /// <summary>Writes a new private key readable only by its owner (0600 on Unix); refuses to overwrite one.</summary>
    public static void WritePrivateKey(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pem);
    }

    public static async Task<CheckpointSigner?> LoadSignerAsync(ParseResult parse, FileInfo file, CancellationToken cancellationToken)
    {
        if (Gatehouse.Gateway.Secrets.OwnerOnly.Problem(file.FullName) is { } problem)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: {problem}");
            return null;
        }

        return await LoadAsync(parse, file, CheckpointSigner.FromPem, "an ECDSA P-256 private key", cancellationToken);
    }

    public static async Task<CheckpointVerifier?> LoadVerifierAsync(ParseResult parse, FileInfo file, CancellationToken cancellationToken) =>
        await LoadAsync(parse, file, CheckpointVerifier.FromPem, "an ECDSA P-256 public key", cancellationToken);

    private static async Task<T?> LoadAsync<T>(
        ParseResult parse, FileInfo file, Func<string, T> create, string what, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return create(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // The reason names the file, never its content.
            await parse.InvocationConfiguration.Error.WriteLineAsync($"gatehouse: '{file.FullName}' is not a readable file holding {what} in PEM");
            return null;
        }
    }
}
