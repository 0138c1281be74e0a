using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

public sealed class PipelineEquivalenceTests
{
    [Fact]
    public void Corpus_EveryCaseCoversSecretsToolCallsAndHolds()
    {
        var cases = Enumerable.Range(0, Corpus.Cases).Select(PipelineCase.Generate).ToList();

        Assert.All([ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages], api => Assert.Contains(cases, c => c.Api == api && c.Stream));
        Assert.Contains(cases, c => !c.Stream && c.Masked && c.Hold == HoldMode.ToolCalls);
        Assert.Contains(cases, c => c.Stream && c.Masked && c.Hold == HoldMode.Whole && c.Splits.Length > 10);
        Assert.True(cases.Count(c => System.Text.Encoding.UTF8.GetString(c.Body).Contains(Pieces.Secret, StringComparison.Ordinal)) > Corpus.Cases / 3);
    }

    [Fact]
    public void Pipeline_EveryCorpusCase_EqualsThePathItReplaced()
    {
        var engine = Corpus.Engine();
        var registry = new ProtocolRegistry(Corpus.TextCapChars);
        var recorded = Corpus.Recorded();
        Assert.Equal(Corpus.Cases, recorded.Count);
        for (var seed = 0; seed < Corpus.Cases; seed++)
        {
            var outcome = PipelineRunner.Run(PipelineCase.Generate(seed), engine, registry).ToJson();
            Assert.True(recorded[seed] == outcome, $"seed {seed}: expected {recorded[seed]}\nactual   {outcome}");
        }
    }

    [Fact]
    public void FrozenReference_ReproducesTheRecordedCorpus()
    {
        var engine = Corpus.Engine();
        var registry = new ProtocolRegistry(Corpus.TextCapChars);
        var outcomes = Enumerable.Range(0, Corpus.Cases).Select(seed => FrozenReference.Run(PipelineCase.Generate(seed), engine, registry).ToJson()).ToList();
        if (Environment.GetEnvironmentVariable("GATEHOUSE_WRITE_PIPELINE_CORPUS") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, outcomes);
        }

        var recorded = Corpus.Recorded();
        Assert.Equal(Corpus.Cases, recorded.Count);
        for (var seed = 0; seed < Corpus.Cases; seed++)
        {
            Assert.True(recorded[seed] == outcomes[seed], $"seed {seed}: expected {recorded[seed]}\nactual   {outcomes[seed]}");
        }
    }
}
