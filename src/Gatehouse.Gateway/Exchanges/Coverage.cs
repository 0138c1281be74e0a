namespace Gatehouse.Gateway.Exchanges;

/// <summary>Which stages ran for an exchange; recorded in the audit so a reader knows what was (not) checked.</summary>
[Flags]
internal enum Coverage
{
    None = 0,
    Identity = 1 << 0,
    Authorization = 1 << 1,
    Protocol = 1 << 2,
    Policy = 1 << 3,
    MaskRequest = 1 << 4,
    MaskResponse = 1 << 5,
    AuditIntent = 1 << 6,
    Forwarded = 1 << 7,
    ResponseParsed = 1 << 8,
}
