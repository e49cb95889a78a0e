using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using WorkProgramme.Application.Features.Revisions;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Part of the <see cref="Policies.Edit"/> policy: an editor edits only the programmes of their body
/// (<see cref="Application.Identity.Viewer.CanEdit"/>). Checked wherever the route names a programme, for every page and
/// endpoint that takes the policy and for reading as for writing, so an editor of another body never gets the form
/// whose save would be refused (docs/decisions/0015).
/// </summary>
public sealed class EditsTheProgrammesBody : IAuthorizationRequirement;

internal sealed class EditsTheProgrammesBodyHandler(ProgrammeVersions.Handler programmes)
    : AuthorizationHandler<EditsTheProgrammesBody>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EditsTheProgrammesBody requirement)
    {
        // A route without a programme (my reports) filters by body itself; an unknown programme is the page's 404.
        if (context.Resource is not HttpContext http || http.GetRouteValue("slug") is not string slug
            || await programmes.BodyOfAsync(slug, http.RequestAborted) is not { } body
            || http.Viewer().CanEdit(body))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// A signed-in editor refused only because the programme belongs to another body gets 403 on a page too (rendered by
/// the error page), not the redirect a user without the role gets: the page exists for them, this programme is not
/// theirs. The API answers 403 either way.
/// </summary>
internal sealed class ProgrammeBodyForbiddenHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !context.Request.Path.StartsWithSegments("/api")
            && authorizeResult.AuthorizationFailure?.FailedRequirements is { } failed && failed.Any()
            && failed.All(r => r is EditsTheProgrammesBody))
        {
            SecurityLog.AccessDenied(SecurityLog.For(context), SecurityLog.UserOf(context), context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
