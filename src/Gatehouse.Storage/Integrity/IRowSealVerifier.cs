namespace Gatehouse.Storage.Integrity;

/// <summary>Checks the rows kept outside the audit log (API keys, approvals, grants) against the seals the log holds.</summary>
/// <remarks>
/// The companion of chain verification for the state kept outside the log; meaningful once the chain itself verified,
/// for only then can its seals be trusted. A provider that cannot check its rows yet registers none, and
/// <c>audit verify</c> says the rows were not checked.
/// </remarks>
public interface IRowSealVerifier
{
    /// <summary>Checks every sealed row against the last seal the audit chain holds for it.</summary>
    Task<RowSealReport> VerifyRowSealsAsync(CancellationToken cancellationToken);
}
