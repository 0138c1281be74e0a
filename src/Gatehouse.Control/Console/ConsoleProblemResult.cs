using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Control.Console;

/// <summary>Ends a console request with a problem (<c>application/problem+json</c>, a stable code), as the API would answer.</summary>
internal sealed class ConsoleProblemResult(GatehouseProblem problem) : IActionResult
{
    public GatehouseProblem Problem { get; } = problem;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ProblemWriter.WriteAsync(context.HttpContext.Response, Problem, context.HttpContext.RequestAborted);
    }
}
