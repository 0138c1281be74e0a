using System.Security.Cryptography;

namespace Gatehouse.Storage.Leases;

/// <summary>Which writer this process is: the id its audit entries carry and the holder of every lease it takes.</summary>
/// <remarks>
/// New for every process (the host name and a random suffix), so a restarted replica is a new writer: the intents its
/// previous run left open belong to a writer whose lease lapses, and a starting peer may close them.
/// </remarks>
/// <param name="Id">The writer id.</param>
public sealed record WriterIdentity(string Id)
{
    /// <summary>Returns a new id for this process: <c>{host}/{12 hex digits}</c>.</summary>
    public static WriterIdentity ForThisProcess() =>
        new(Environment.MachineName + "/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
}
