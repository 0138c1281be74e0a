using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>A shared console gateway that signs a checkpoint every second over every new entry.</summary>
public sealed class CheckpointedConsoleGateway : ConsoleGateway
{
    public CheckpointedConsoleGateway()
        : this(CheckpointKeys.Generate())
    {
    }

    private CheckpointedConsoleGateway((string PrivateKeyPem, string PublicKeyPem) key)
        : base(config => config with
        {
            Audit = config.Audit with
            {
                Checkpoints = new Gatehouse.Gateway.Configuration.CheckpointConfig { KeyPem = key.PrivateKeyPem, KeyEnv = "TEST", Interval = TimeSpan.FromSeconds(1), Entries = 1 },
            },
        }) => PublicKeyPem = key.PublicKeyPem;

    /// <summary>Gets the public key the checkpoints verify with.</summary>
    public string PublicKeyPem { get; }
}
