namespace Gatehouse.Storage.Leases;

/// <summary>One holder's hold on a named lease until <see cref="ExpiresAt"/>, fenced by <see cref="Token"/>.</summary>
/// <param name="Name">The lease's name, for example <c>writer:{id}</c> or <c>job:export</c>.</param>
/// <param name="Holder">Who holds it (a writer id).</param>
/// <param name="Token">
/// The fencing token: it grows every time the lease passes to a new holding (another holder, or the same one after it
/// lapsed), never when it is renewed. A singleton stamps its writes with it so that a paused holder whose lease was
/// taken over is recognised as stale.
/// </param>
/// <param name="ExpiresAt">When the hold ends unless renewed.</param>
public sealed record Lease(string Name, string Holder, long Token, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets whether the hold is still in force at <paramref name="now"/>.</summary>
    public bool IsHeldAt(DateTimeOffset now) => now < ExpiresAt;
}
