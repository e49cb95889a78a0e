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
        activities.MapPut("/{id:guid}", PutAsync).WithName("PutActivity").RequireAuthorization(Policies.Edit).RequireIfMatch()
            .AddEndpointFilter<CookieAntiforgery>()
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

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult, ValidationProblem>> PutAsync(
        HttpContext context, string slug, Guid id, ActivityDto activity, EditActivity.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new EditActivity.FileCommand(context.Viewer(), slug, id, ApiProblems.IfMatch(context), activity), cancellationToken);
        var viewer = context.Viewer();
        switch (outcome.Status)
        {
            case EditActivity.Status.Saved:
                var saved = (await handler.CurrentAsync(viewer, slug, id, cancellationToken))!;
                context.Response.Headers.ETag = ETagOf(saved.RowVersion);
                return TypedResults.Ok(saved.Activity);
            case EditActivity.Status.NotFound:
                return ApiProblems.Of(StatusCodes.Status404NotFound, "Activité introuvable", "Activity not found");
            case EditActivity.Status.Forbidden:
                return ApiProblems.Of(StatusCodes.Status403Forbidden, "Vous ne pouvez pas modifier ce programme", "You may not change this programme");
            case EditActivity.Status.MissingVersion:
                return ApiProblems.Of(StatusCodes.Status428PreconditionRequired, "En-tête If-Match manquant", "If-Match header missing",
                    "Envoyez l’ETag obtenu par GET dans If-Match : sans lui, une modification pourrait en écraser une autre.",
                    "Send the ETag from GET in If-Match: without it, a change could overwrite another one.");
            case EditActivity.Status.Conflict:
                var current = (await handler.CurrentAsync(viewer, slug, id, cancellationToken))!;
                context.Response.Headers.ETag = ETagOf(current.RowVersion);
                var conflict = ApiProblems.Of(StatusCodes.Status412PreconditionFailed, "L’activité a été modifiée entre-temps", "The activity was changed in the meantime",
                    "Quelqu’un a enregistré une autre version de cette activité. Reprenez vos changements sur la version actuelle (ETag ci-dessus).",
                    "Someone saved another version of this activity. Apply your changes again to the current one (ETag above).");
                conflict.ProblemDetails.Extensions["current"] = current.Activity;
                return conflict;
            default:
                var language = Localization.CurrentLanguage;
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["activity"] = outcome.Problems.Select(p => p.For(language).Text ?? "").ToArray() },
                    title: language == Language.Fr ? "Modification refusée" : "Change refused");
        }
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
