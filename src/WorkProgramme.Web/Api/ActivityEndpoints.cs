using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>
/// GET/PUT /api/programmes/{slug}/activities/{id}. GET returns an ETag (the row version); PUT must send it back in
/// If-Match: a missing one gets 428, a stale one 412 with the current row, so no edit silently overwrites another.
/// </summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder endpoints)
    {
        var activities = endpoints.MapGroup("/api/programmes/{slug}/activities").WithTags("Activities");
        activities.MapGet("/{id:guid}", GetAsync).WithName("GetActivity").AllowAnonymous().AnswersWithETag()
            .WithSummary("One activity of the programme's latest version, in the programme file's shape, with its ETag.");
        activities.MapPut("/{id:guid}", PutAsync).WithName("PutActivity").RequireAuthorization(Policies.Edit)
            .AddEndpointFilter<CookieAntiforgery>().RequiresIfMatch()
            .WithSummary("Changes an activity. Needs If-Match with the ETag of the version the change started from.");
        return endpoints;
    }

    private static string ETagOf(int rowVersion) => $"\"{rowVersion}\"";

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetAsync(
        HttpContext context, string slug, Guid id, EditActivity.Handler handler, CancellationToken cancellationToken)
    {
        var current = await handler.CurrentAsync(context.Viewer(), slug, id, cancellationToken);
        if (current is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Activité introuvable", "Activity not found");
        }

        context.Response.Headers.ETag = ETagOf(current.RowVersion);
        return TypedResults.Ok(current.Activity);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> PutAsync(
        HttpContext context, string slug, Guid id, ActivityDto activity, EditActivity.Handler handler, CancellationToken cancellationToken)
    {
        var viewer = context.Viewer();
        var result = await handler.HandleAsync(new EditActivity.FileCommand(viewer, slug, id, IfMatch.RowVersion(context), activity), cancellationToken);
        if (result.Succeeded)
        {
            var saved = (await handler.CurrentAsync(viewer, slug, id, cancellationToken))!;
            context.Response.Headers.ETag = ETagOf(saved.RowVersion);
            return TypedResults.Ok(saved.Activity);
        }

        var current = result.Failure!.Kind is Application.Writes.FailureKind.Conflict or Application.Writes.FailureKind.PreconditionRequired
            ? await handler.CurrentAsync(viewer, slug, id, cancellationToken)
            : null;
        if (current is not null)
        {
            context.Response.Headers.ETag = ETagOf(current.RowVersion);
        }

        return ApiResults.Problem(context, current is null ? result.Failure : result.Failure with { CurrentVersion = null }, current?.Activity);
    }

    /// <summary>
    /// A browser sends its cookie with every request, so a cookie-authenticated change must also carry the antiforgery
    /// token (header <c>RequestVerificationToken</c>); scripts using a bearer token are not exposed to that attack.
    /// </summary>
    internal sealed class CookieAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (!bearer && !await antiforgery.IsRequestValidAsync(http))
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "Jeton anti-falsification manquant ou invalide", "Missing or invalid antiforgery token");
            }

            return await next(context);
        }
    }
}
