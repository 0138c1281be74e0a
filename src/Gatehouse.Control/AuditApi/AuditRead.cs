using Gatehouse.Gateway.Problems;

namespace Gatehouse.Control.AuditApi;

/// <summary>What one audit read gave: a value, or the problem a person reads instead (never both).</summary>
internal sealed record AuditRead<T>(T? Value, GatehouseProblem? Problem)
    where T : class
{
    public static AuditRead<T> Of(T value) => new(value, null);

    public static AuditRead<T> Refused(int status, string code, string detail) => new(null, new GatehouseProblem(code, "Audit", status, detail));
}
