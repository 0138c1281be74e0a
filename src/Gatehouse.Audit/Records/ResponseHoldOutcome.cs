using System.Text.Json.Serialization;

namespace Gatehouse.Audit.Records;

/// <summary>
/// How a response that policy held back ended, or where it is while held. Written as its stable name
/// (<see cref="ResponseHoldOutcomeNames.ToName"/>) only where it leaves the gateway: the outcome record's
/// <c>responseHold.outcome</c>, the <c>response.*</c> audit entries, their index's decision and log event 1751.
/// </summary>
/// <remarks>
/// It lives beside the outcome record because the data plane writes it and the control plane reads it back (the audit
/// API withholds the held part of a response that was not released).
/// </remarks>
[JsonConverter(typeof(ResponseHoldOutcomeJsonConverter))]
public enum ResponseHoldOutcome
{
    /// <summary>Held for a reviewer; the response has not ended yet. (<c>held</c>)</summary>
    Held,

    /// <summary>No rule held it once policy saw the whole response, so it went on unchanged. (<c>released</c>)</summary>
    Released,

    /// <summary>A reviewer approved it and the held bytes went on unchanged. (<c>approved</c>)</summary>
    Approved,

    /// <summary>A reviewer rejected it; the client got a refusal. (<c>rejected</c>)</summary>
    Rejected,

    /// <summary>No reviewer decided within the wait or before the approval timed out; the client got a refusal. (<c>timed_out</c>)</summary>
    TimedOut,

    /// <summary>The requester withdrew the review; the client got a refusal. (<c>cancelled</c>)</summary>
    Cancelled,

    /// <summary>A deny rule refused it; nobody was asked to review it. (<c>denied</c>)</summary>
    Denied,

    /// <summary>Too large or unreadable to review, over a hold limit, or its review could not be recorded (fail closed). (<c>refused</c>)</summary>
    Refused,

    /// <summary>The client left while it was held. (<c>abandoned</c>)</summary>
    Abandoned,

    /// <summary>
    /// A name this build does not know, read from a record another build wrote: read rather than refused, so an old
    /// build can still list a newer store, and counted as not released (its held part stays withheld). (<c>unknown</c>)
    /// </summary>
    Unknown,
}
