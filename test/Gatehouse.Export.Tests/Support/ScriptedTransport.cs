using Gatehouse.Export.Transports;

namespace Gatehouse.Export.Tests.Support;

/// <summary>A transport that records what it accepted and fails or hangs when told to.</summary>
internal sealed class ScriptedTransport : IExportTransport
{
    private readonly List<ExportEvent> _accepted = [];

    public int FailuresLeft { get; set; }

    /// <summary>Gets or sets the first attempt that never completes (until cancelled); 1 hangs every attempt.</summary>
    public int HangFromAttempt { get; set; } = int.MaxValue;

    public int Attempts { get; private set; }

    public TaskCompletionSource FirstAttempt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ExportEvent> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        Attempts++;
        FirstAttempt.TrySetResult();
        if (Attempts >= HangFromAttempt)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new ExportDeliveryException("destination refused the batch (test)");
        }

        lock (_accepted)
        {
            _accepted.AddRange(batch);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
