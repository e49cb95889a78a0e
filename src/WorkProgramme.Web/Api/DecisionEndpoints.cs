using Microsoft.AspNetCore.Http.HttpResults;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>The session outcome: the committee's decision on each activity it discussed, read and recorded by the Secretariat.</summary>
public static class DecisionEndpoints
{
    public sealed record DecisionDto(Guid ActivityId, string Reference, TextPair Title, string? Kind, TextPair? Text, string? DocumentSymbol);

    /// <summary>Lengths and the wording rules are the domain's (<see cref="SessionDecision"/>): a refusal is a 409 ProblemDetails.</summary>
    public sealed record RecordDecisionDto(string? Kind, TextPair? Text, string? DocumentSymbol);

    public static IEndpointRouteBuilder MapDecisionApi(this IEndpointRouteBuilder endpoints)
    {
        var session = endpoints.MapGroup("/api/programmes/{slug}/sessions/{session}").WithTags("Session outcome")
            .RequireAuthorization(Policies.Edit);
        session.MapGet("/decisions", ListAsync).WithName("ListDecisions")
            .WithSummary("Every live activity of the programme with the decision recorded for the session, if any.");
        session.MapGet("/decisions/{activityId:guid}", GetAsync).WithName("GetDecision")
            .WithSummary("The decision recorded for the session on one activity (kind null when none yet), with its ETag.");
        session.MapPut("/decisions/{activityId:guid}", RecordAsync).WithName("RecordDecision")
            .AddEndpointFilter<ActivityEndpoints.CookieAntiforgery>().RequiresIfMatch()
            .WithSummary("Records (or revises) the committee's decision on one activity; kind: " + string.Join(", ", Wire.Names<DecisionKind>()) + ".");
        return endpoints;
    }

    private static async Task<Results<Ok<List<DecisionDto>>, ProblemHttpResult>> ListAsync(HttpContext context, string slug, string session,
        SessionDecisions.Handler decisions, CancellationToken cancellationToken)
    {
        var result = await decisions.ForSessionAsync(context.Viewer(), slug, session, cancellationToken);
        if (result is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Programme ou session introuvable", "Programme or session not found");
        }

        return TypedResults.Ok(result.Rows.Select(ToDto).ToList());
    }

    private static DecisionDto ToDto(SessionDecisions.Row row) => new(row.ActivityId, row.Reference, new TextPair(row.Title.Fr, row.Title.En),
        row.Decision is null ? null : Wire.Name(row.Decision.Kind),
        row.Decision is null ? null : new TextPair(row.Decision.Text.Fr, row.Decision.Text.En),
        row.Decision?.DocumentSymbol);

    private static async Task<SessionDecisions.Row?> RowAsync(HttpContext context, string slug, string session, Guid activityId,
        SessionDecisions.Handler decisions, CancellationToken cancellationToken) =>
        (await decisions.ForSessionAsync(context.Viewer(), slug, session, cancellationToken))?.Rows.SingleOrDefault(r => r.ActivityId == activityId);

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> GetAsync(HttpContext context, string slug, string session, Guid activityId,
        SessionDecisions.Handler decisions, CancellationToken cancellationToken)
    {
        if (await RowAsync(context, slug, session, activityId, decisions, cancellationToken) is not { } row)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Programme, session ou activité introuvable", "Programme, session or activity not found");
        }

        context.SetETag(row.Version);
        return TypedResults.Ok(ToDto(row));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordAsync(HttpContext context, string slug, string session, Guid activityId,
        RecordDecisionDto body, SessionDecisions.Handler decisions, CancellationToken cancellationToken)
    {
        if (!Wire.TryParse<DecisionKind>(body.Kind, out var kind))
        {
            var expected = string.Join(", ", Wire.Names<DecisionKind>());
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Type de décision inconnu", "Unknown kind of decision",
                $"Attendu : {expected}", $"Expected: {expected}");
        }

        var text = body.Text is null ? BilingualText.Empty : new BilingualText(body.Text.Fr, body.Text.En);
        var result = await decisions.HandleAsync(new SessionDecisions.Record(context.Viewer(), slug, session, activityId, kind, text,
            string.IsNullOrWhiteSpace(body.DocumentSymbol) ? null : body.DocumentSymbol.Trim(), IfMatch.Version(context)), cancellationToken);
        if (result.Succeeded)
        {
            context.SetETag(result.Value!);
            return TypedResults.NoContent();
        }

        var current = result.Failure is { Kind: Application.Writes.FailureKind.Conflict or Application.Writes.FailureKind.PreconditionRequired }
            ? await RowAsync(context, slug, session, activityId, decisions, cancellationToken)
            : null;
        return ApiResults.Problem(context, result.Failure!, current is null ? null : ToDto(current));
    }
}
