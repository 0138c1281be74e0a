using System.Net;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Proofs;
using Gatehouse.ConsoleTests.Infrastructure;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>
/// The audit pages: an auditor finds an exchange by its text, reads it and downloads its inclusion proof; a developer
/// finds only their own exchanges and cannot open another person's by its address.
/// </summary>
/// <remarks>The tests share one gateway: each searches for words only its own exchanges carry.</remarks>
public sealed class AuditPagesTests(ConsoleBrowser browser, CheckpointedConsoleGateway gateway) : ConsoleTest(browser, gateway), IClassFixture<CheckpointedConsoleGateway>
{
    private readonly CheckpointedConsoleGateway _gateway = gateway;

    [Fact]
    public async Task Auditor_FindsAnExchangeByText_OpensIt_AndDownloadsTheProofTheCliWouldWrite()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("The zebra forecast is ready."));
        var wanted = await ChatAsync("alice", "draft the quarterly zebra forecast with key AKIAZQ7VRK2LM6TX4WP3", "dev");
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("Release notes summarised."));
        var other = await ChatAsync("bob", "summarise the release notes", "dev", "reviewers");
        await WaitForCheckpointCoveringAsync(wanted);

        var carol = await SignInAsync("carol");
        await carol.GotoAsync(Url("console/audit"));
        await Assertions.Expect(carol.Locator($"[data-testid=exchange-link][href='/console/audit/{wanted}']")).ToHaveCountAsync(1);
        await Assertions.Expect(carol.Locator($"[data-testid=exchange-link][href='/console/audit/{other}']")).ToHaveCountAsync(1);
        await carol.GetByLabel("Text").FillAsync("zebra");
        await carol.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var row = carol.GetByTestId("audit-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("who")).ToHaveTextAsync("alice@dev.local");
        await ScreenshotAsync(carol, "audit-search");
        await row.GetByTestId("exchange-link").ClickAsync();

        await Assertions.Expect(carol.GetByTestId("exchange-id")).ToHaveTextAsync(wanted);
        await Assertions.Expect(carol.GetByTestId("prompt")).ToContainTextAsync("draft the quarterly zebra forecast");
        await Assertions.Expect(carol.GetByTestId("prompt")).Not.ToContainTextAsync("AKIAZQ7VRK2LM6TX4WP3");
        await Assertions.Expect(carol.GetByTestId("prompt")).ToContainTextAsync("[MASKED:aws-access-key-id]");
        await Assertions.Expect(carol.GetByTestId("response")).ToHaveTextAsync("The zebra forecast is ready.");
        await Assertions.Expect(carol.GetByTestId("decision")).ToHaveTextAsync("allow");
        await ScreenshotAsync(carol, "audit-exchange");

        var download = await carol.RunAndWaitForDownloadAsync(() => carol.GetByTestId("proof-link").ClickAsync());
        var downloaded = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal(wanted + ".proof.json", download.SuggestedFilename);

        // The same bytes as 'gatehouse audit prove ID' against the checkpoint the proof names, and as the proof API.
        var proof = ExchangeProofJson.Read(downloaded);
        Assert.NotNull(proof);
        Assert.Equal(wanted, proof.ExchangeId);
        await using var store = Gateway.OpenStore();
        var checkpoint = (await store.ReadCheckpointsAsync(CancellationToken.None)).Last(c => c.TreeSize == proof.Checkpoint.TreeSize);
        var (expected, _) = await new ExchangeProver(store).ProveAsync(wanted, checkpoint, CancellationToken.None);
        Assert.Equal(ExchangeProofJson.Write(expected!), downloaded);
        using var verifier = CheckpointVerifier.FromPem(_gateway.PublicKeyPem);
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(proof, verifier));
        using var api = Gateway.Client(Gateway.Token("carol", "auditor"));
        Assert.Equal(downloaded, await api.GetByteArrayAsync($"api/audit/{wanted}/proof", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Developer_FindsOnlyTheirOwnExchanges_AndAnotherUsersExchangeByAddressIsNotFound()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("done"));
        var own = await ChatAsync("alice", "rename the walrus module", "dev");
        var others = await ChatAsync("bob", "rename the walrus service", "dev", "reviewers");

        var alice = await SignInAsync("alice");
        await alice.GotoAsync(Url("console/audit?text=walrus"));
        var row = alice.GetByTestId("audit-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("exchange-link")).ToHaveAttributeAsync("href", "/console/audit/" + own);
        await alice.GotoAsync(Url("console/audit?user=bob"));
        await Assertions.Expect(alice.GetByTestId("error")).ToHaveTextAsync("You may search only your own exchanges: leave out user, or ask an auditor.");
        await Assertions.Expect(alice.GetByTestId("audit-row")).ToHaveCountAsync(0);

        var opened = await alice.GotoAsync(Url($"console/audit/{others}"));
        Assert.Equal(404, opened!.Status);
        Assert.Contains("exchange_not_found", await opened.TextAsync(), StringComparison.Ordinal);
        var proof = await alice.Context.APIRequest.GetAsync(Url($"console/audit/{others}?handler=Proof"));
        Assert.Equal(404, proof.Status);
        using var api = Gateway.Client(Gateway.Token("alice", "dev"));
        using var fromApi = await api.GetAsync($"api/audit/{others}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, fromApi.StatusCode);

        var mine = await alice.GotoAsync(Url($"console/audit/{own}"));
        Assert.Equal(200, mine!.Status);
        await Assertions.Expect(alice.GetByTestId("prompt")).ToContainTextAsync("rename the walrus module");
        await Assertions.Expect(alice.GetByTestId("proof-link")).ToHaveCountAsync(0);
        var ownProof = await alice.Context.APIRequest.GetAsync(Url($"console/audit/{own}?handler=Proof"));
        Assert.Equal(403, ownProof.Status);
        Assert.Contains("proof_forbidden", await ownProof.TextAsync(), StringComparison.Ordinal);
    }

    private async Task WaitForCheckpointCoveringAsync(string exchangeId)
    {
        await using var store = Gateway.OpenStore();
        await Eventually.UntilAsync(
            async () =>
            {
                var record = await store.GetExchangeAsync(exchangeId, CancellationToken.None);
                var checkpoints = await store.ReadCheckpointsAsync(CancellationToken.None);
                return record?.OutcomeSequence is { } outcome && checkpoints.Count > 0 && checkpoints[^1].TreeSize >= outcome;
            },
            $"a signed checkpoint covering exchange {exchangeId}");
    }
}
