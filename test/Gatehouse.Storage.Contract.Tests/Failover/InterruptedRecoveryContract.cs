using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>Replicas starting together close each dead writer's open intent once: never two interrupted entries for one exchange.</summary>
public abstract class InterruptedRecoveryContract : ProviderTest
{
    [Fact]
    public async Task TwoRecoveriesRacing_OneInterruptedEntryPerOpenIntent_LogVerifies()
    {
        // The writer that left the intents open has no writer lease: it is gone.
        var dead = await Provider.OpenAsync(Token);
        var startingA = await Provider.OpenAsync(Token);
        var startingB = await Provider.OpenAsync(Token);
        var rounds = 6;
        var perRound = 40;
        var closed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var drafts = Enumerable.Range(0, perRound)
                .Select(i => AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{round}-{i}"), Exchanges.Start)).ToArray();
            await dead.AppendAsync(drafts, Token);
            var now = Exchanges.Start.AddMinutes(round + 1);
            var both = await Task.WhenAll(
                Task.Run(() => startingA.RecoverInterruptedAsync(now, Token), Token),
                Task.Run(() => startingB.RecoverInterruptedAsync(now, Token), Token));
            closed += both.Sum();
        }

        var interrupted = new List<string>();
        await foreach (var entry in dead.ReadAllAsync(Token))
        {
            if (entry.Kind == AuditEntryKinds.Interrupted)
            {
                interrupted.Add(entry.ExchangeId);
            }
        }

        Assert.Equal(rounds * perRound, closed);
        Assert.Equal(rounds * perRound, interrupted.Count);
        Assert.Equal(interrupted.Count, interrupted.Distinct(StringComparer.Ordinal).Count());
        Assert.True((await new AuditVerifier(dead).VerifyAsync(Token)).IsIntact);
    }
}
