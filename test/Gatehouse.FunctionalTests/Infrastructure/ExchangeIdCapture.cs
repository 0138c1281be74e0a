using System.ClientModel.Primitives;
using System.Collections.Concurrent;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>An SDK pipeline policy that keeps the <c>x-gatehouse-exchange</c> id of every response, to find its audit record.</summary>
internal sealed class ExchangeIdCapture : PipelinePolicy
{
    private readonly ConcurrentQueue<string> _ids = new();

    /// <summary>Gets the exchange ids seen so far, oldest first.</summary>
    public IReadOnlyList<string> Ids => [.. _ids];

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Capture(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex);
        Capture(message);
    }

    private void Capture(PipelineMessage message)
    {
        if (message.Response?.Headers.TryGetValue("x-gatehouse-exchange", out var id) == true && id is not null)
        {
            _ids.Enqueue(id);
        }
    }
}
