using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Checkpoints;

/// <summary>The gateway's one checkpoint writer, shared by the checkpoint job and the retention job.</summary>
/// <remarks>
/// One writer serialises signing (it holds a gate), so two jobs can never store checkpoints out of order, which
/// verification would report as inconsistent; and each job sees the other's last checkpoint.
/// </remarks>
internal sealed class GatewayCheckpointWriter : IDisposable
{
    private readonly CheckpointSigner _signer;

    public GatewayCheckpointWriter(CheckpointConfig config, IAuditCheckpointStore store, TimeProvider time)
    {
        // Read once when the first job starts; the key (file or variable) was checked when the configuration loaded.
        _signer = CheckpointSigner.FromPem(config.ReadKeyPem());
        Writer = new CheckpointWriter(store, _signer, time, new CheckpointWriterOptions
        {
            Interval = config.Interval,
            EveryEntries = config.Entries,
            Directory = config.Directory,
        });
    }

    public CheckpointWriter Writer { get; }

    public void Dispose() => _signer.Dispose();
}
