namespace Gatehouse.Gateway.Reviews;

/// <summary>One kind of review item's part in the sweep: store the timeouts of its overdue items and audit them.</summary>
/// <remarks>Request and response holds are one kind (they share the approvals store); access requests another.</remarks>
internal interface IReviewSweep
{
    /// <summary>Gets the kind's name for logs (<c>approval</c>, <c>grant</c>).</summary>
    string Kind { get; }

    /// <summary>Stores and audits the timeouts due now.</summary>
    /// <exception cref="Gatehouse.Storage.StoreUnavailableException">The kind's store cannot be reached.</exception>
    Task SweepAsync(CancellationToken cancellationToken);
}
