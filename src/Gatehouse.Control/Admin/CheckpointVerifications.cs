using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Admin;

/// <summary>
/// Checks every stored checkpoint against the log with the gateway's own checkpoint key (as
/// <c>gatehouse audit verify-checkpoints</c> does with its public half) and keeps the last result for the admin page.
/// </summary>
/// <remarks>
/// The result is kept in memory only: it is a reading, not a record, and anyone can take a fresh one. One check runs
/// at a time; it reads the whole log.
/// </remarks>
internal sealed class CheckpointVerifications(GatehouseConfig config, IAuditCheckpointStore store, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Gets the last check's result; null before the first.</summary>
    public CheckpointVerification? Last { get; private set; }

    /// <summary>Gets whether checkpoints are signed by this gateway (<c>audit.checkpoints</c>), so that there is a key to check them with.</summary>
    public bool Configured => config.Audit.Checkpoints is not null;

    /// <summary>Checks every stored checkpoint now and keeps the result; null when no checkpoint key is configured.</summary>
    public async Task<CheckpointVerification?> VerifyAsync(string by, CancellationToken cancellationToken)
    {
        if (config.Audit.Checkpoints is not { } checkpoints)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The private key's PEM yields its public half: the same check verify-checkpoints makes with KEY.pub.pem.
            using var verifier = CheckpointVerifier.FromPem(checkpoints.ReadKeyPem());
            var result = await new CheckpointAudit(store, verifier).VerifyAsync(cancellationToken);
            Last = new CheckpointVerification(time.GetUtcNow(), by, result);
            return Last;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
