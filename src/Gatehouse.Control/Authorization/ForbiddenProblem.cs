namespace Gatehouse.Control.Authorization;

/// <summary>
/// Endpoint metadata: the problem (stable code, title, actionable message) a caller without the endpoint's role gets
/// (403). Its presence also marks the endpoint as an API one, answered in problem+json rather than by a redirect.
/// </summary>
/// <param name="Code">The stable code, e.g. <c>agents_forbidden</c>.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="Detail">What the caller can do about it.</param>
internal sealed record ForbiddenProblem(string Code, string Title, string Detail);
