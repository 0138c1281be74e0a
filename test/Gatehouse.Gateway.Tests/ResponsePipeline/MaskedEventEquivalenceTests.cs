using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>
/// Masked events through the single pipeline: client output, audit capture, hold decisions and refusals must stay
/// exactly what they were when every rewritten event was parsed again, for every API and any chunking.
/// </summary>
public sealed class MaskedEventEquivalenceTests
{
    private const string Masked = "[MASKED:acme-token]";

    [Fact]
    public void EditedCorpus_EveryApi_MasksEveryCapturedField()
    {
        var engine = Corpus.Engine();
        var registry = new ProtocolRegistry(Corpus.TextCapChars);
        var outcomes = Enumerable.Range(0, EditedCorpus.Cases)
            .Select(seed => (Case: EditedCorpus.Generate(seed), Outcome: PipelineRunner.Run(EditedCorpus.Generate(seed), engine, registry)))
            .ToList();

        Assert.All(outcomes, o => Assert.Null(o.Outcome.Failure));
        Assert.All(outcomes, o => Assert.Contains(Masked, o.Outcome.Capture.Text, StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.DoesNotContain(Pieces.Secret, o.Outcome.Capture.Text + o.Outcome.Capture.Reasoning, StringComparison.Ordinal));
        Assert.All(EditedStreamText.Apis, api => Assert.Contains(outcomes, o => o.Case.Api == api && o.Case.Splits.Length > 100));
        Assert.All([ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages], api =>
        {
            Assert.Contains(outcomes, o => o.Case.Api == api && o.Outcome.Capture.Reasoning.Contains(Masked, StringComparison.Ordinal));
            Assert.Contains(outcomes, o => o.Case.Api == api && o.Outcome.Capture.ToolCalls.Count > 0
                && o.Outcome.Capture.ToolCalls.All(t => t.Arguments.Contains(Masked, StringComparison.Ordinal)));
            Assert.Contains(outcomes, o => o.Case.Api == api && o.Outcome.Holding && o.Outcome.HoldSummary!.ToolCalls.Count > 0
                && o.Outcome.HoldSummary.ToolCalls.All(t => t.Arguments.Contains(Masked, StringComparison.Ordinal)));
        });
    }

    [Fact]
    public void Pipeline_EditedCorpus_EqualsTheRecordedOutcomes()
    {
        var engine = Corpus.Engine();
        var registry = new ProtocolRegistry(Corpus.TextCapChars);
        var outcomes = Enumerable.Range(0, EditedCorpus.Cases).Select(seed => PipelineRunner.Run(EditedCorpus.Generate(seed), engine, registry).ToJson()).ToList();
        if (Environment.GetEnvironmentVariable("GATEHOUSE_WRITE_EDITED_CORPUS") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, outcomes);
        }

        var recorded = EditedCorpus.Recorded();
        Assert.Equal(EditedCorpus.Cases, recorded.Count);
        for (var seed = 0; seed < EditedCorpus.Cases; seed++)
        {
            Assert.True(recorded[seed] == outcomes[seed], $"seed {seed}: expected {recorded[seed]}\nactual   {outcomes[seed]}");
        }
    }

    [Fact]
    public void Pipeline_RandomEditedStreams_EqualRereadingTheRewrittenBytes()
    {
        var engine = Corpus.Engine();
        var registry = new ProtocolRegistry(Corpus.TextCapChars);
        // Seeds beyond the recorded corpus: more cases, checked against the reference composition itself.
        for (var seed = EditedCorpus.Cases; seed < EditedCorpus.Cases + 200; seed++)
        {
            var c = EditedCorpus.Generate(seed);
            var expected = FrozenReference.Run(c, engine, registry).ToJson();
            var actual = PipelineRunner.Run(c, engine, registry).ToJson();
            Assert.True(expected == actual, $"seed {seed}: expected {expected}\nactual   {actual}");
        }
    }
}
