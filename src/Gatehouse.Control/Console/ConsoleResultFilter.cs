using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Console;

/// <summary>
/// Runs on every console page result: sets <see cref="ConsoleHeaders"/>, and turns a refused antiforgery check into a
/// problem with the stable code <c>antiforgery_failed</c> instead of an empty 400.
/// </summary>
internal sealed class ConsoleResultFilter : IAsyncAlwaysRunResultFilter
{
    public const string AntiforgeryCode = "antiforgery_failed";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ConsoleHeaders.Apply(context.HttpContext.Response);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<ConsoleResultFilter>();
            ConsoleLog.AntiforgeryRefused(logger, context.HttpContext.Request.Path);
            context.Result = new ConsoleProblemResult(new GatehouseProblem(
                AntiforgeryCode,
                "Form refused",
                StatusCodes.Status400BadRequest,
                "The form was sent without its security token, or the token is not this session's. Reload the page and submit it again."));
        }

        return next();
    }
}
