using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>
/// Status reports of a session (GET with ETag, PUT with If-Match) and the publication of a round.
/// </summary>
public static class RoundEndpoints
{
    public static IEndpointRouteBuilder MapRoundApi(this IEndpointRouteBuilder endpoints)
    {
        var programme = endpoints.MapGroup("/api/programmes/{slug}").WithTags("Status reports");
        programme.MapGet("/sessions/{session}/status-reports/{activityId:guid}", GetAsync).WithName("GetStatusReport").AllowAnonymous()
            .AnswersWithETag().WithSummary("The status report of one activity for a session, with its ETag.");
        programme.MapPut("/sessions/{session}/status-reports/{activityId:guid}", PutAsync).WithName("PutStatusReport")
            .WithSummary("Writes the status report of an open round. Needs If-Match with the ETag of the version the change started from.")
            .RequireAuthorization(Policies.Edit).AddEndpointFilter<ActivityEndpoints.CookieAntiforgery>().RequiresIfMatch();
        programme.MapGet("/rounds/{session}", GetRoundAsync).WithName("GetRound").RequireAuthorization(Policies.Edit)
            .AnswersWithETag().WithSummary("Where the session's reporting round stands: its state and how many reports are not yet updated, updated and reviewed, with its ETag.");
        programme.MapPost("/rounds/{session}/publish", PublishAsync).WithName("PublishRound")
            .RequireAuthorization(Policies.Edit).AddEndpointFilter<ActivityEndpoints.CookieAntiforgery>().RequiresIfMatch()
            .WithSummary("Publishes the round as it stood when read (If-Match: the round's ETag); with reports not yet updated, answers 409 listing them unless ?confirm=true.");
        return endpoints;
    }

    private static StatusDto ToDto(StatusReport report) => new()
    {
        Session = report.SessionKey,
        Keyword = Wire.Name(report.Keyword),
        KeywordInferred = report.KeywordInferred,
        ExecutionLevel = Wire.Name(report.ExecutionLevel),
        Text = new TextPair(report.Narrative.Fr, report.Narrative.En),
        NextSteps = new TextPair(report.NextSteps.Fr, report.NextSteps.En),
        MilestonesReached = report.MilestonesReached.Select(m => new ReachedMilestoneDto(m.Date, new TextPair(m.Text.Fr, m.Text.En))).ToList(),
    };

    private static async Task<Results<Ok<StatusDto>, ProblemHttpResult>> GetAsync(HttpContext context, string slug, string session, Guid activityId,
        ReportForm.Handler reports, CancellationToken cancellationToken)
    {
        var report = await reports.VisibleAsync(context.Viewer(), slug, session, activityId, cancellationToken);
        if (report is null)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Rapport de situation introuvable", "Status report not found");
        }

        context.Response.Headers.ETag = $"\"{report.RowVersion}\"";
        return TypedResults.Ok(ToDto(report));
    }

    private static async Task<Results<Ok<StatusDto>, ProblemHttpResult>> PutAsync(HttpContext context, string slug, string session, Guid activityId,
        StatusDto body, WriteReport.Handler write, ReportForm.Handler reports, CancellationToken cancellationToken)
    {
        if (body.Keyword is not null && !Wire.TryParse<StatusKeyword>(body.Keyword, out _))
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Mot clé inconnu", "Unknown keyword",
                $"Attendu : {string.Join(", ", Wire.Names<StatusKeyword>())}", $"Expected: {string.Join(", ", Wire.Names<StatusKeyword>())}");
        }

        StatusKeyword? keyword = Wire.TryParse<StatusKeyword>(body.Keyword, out var parsed) ? parsed : null;
        var viewer = context.Viewer();
        var result = await write.HandleAsync(new WriteReport.Update(viewer, slug, session, activityId, IfMatch.RowVersion(context),
            keyword, Text(body.Text), Text(body.NextSteps),
            body.MilestonesReached.Select(m => new ReachedMilestone(m.Date, Text(m.Text))).ToList()), cancellationToken);
        var report = result.Failure is null or { Kind: Application.Writes.FailureKind.Conflict or Application.Writes.FailureKind.PreconditionRequired }
            ? await reports.VisibleAsync(viewer, slug, session, activityId, cancellationToken)
            : null;
        if (result.Succeeded)
        {
            context.Response.Headers.ETag = $"\"{report!.RowVersion}\"";
            return TypedResults.Ok(ToDto(report));
        }

        return ApiResults.Problem(context, result.Failure!, report is null ? null : ToDto(report));
    }

    /// <summary>A reporting round: its session, its state and its reports counted by progress.</summary>
    public sealed record RoundDto(string Session, string State, int Reports, int NotUpdated, int Updated, int Reviewed);

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetRoundAsync(HttpContext context, string slug, string session,
        RoundStatus.Handler rounds, CancellationToken cancellationToken)
    {
        if (await rounds.HandleAsync(new RoundStatus.Query(context.Viewer(), slug, session), cancellationToken) is not { } round)
        {
            return ApiProblems.Of(StatusCodes.Status404NotFound, "Cycle de rapports introuvable", "Reporting round not found");
        }

        context.SetETag(round.Version);
        return TypedResults.Ok(new RoundDto(round.SessionKey, Wire.Name(round.State), round.Rows.Count, round.Count(ReportProgress.NotUpdated),
            round.Count(ReportProgress.Updated), round.Count(ReportProgress.Reviewed)));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> PublishAsync(HttpContext context, string slug, string session, bool? confirm,
        PublishRound.Handler publish, CancellationToken cancellationToken)
    {
        var result = await publish.HandleAsync(new PublishRound.Command(context.Viewer(), slug, session, confirm == true, IfMatch.Version(context)),
            cancellationToken);
        return result.Succeeded ? TypedResults.Ok() : ApiResults.Problem(context, result.Failure!);
    }

    private static BilingualText Text(TextPair? pair) => pair is null ? BilingualText.Empty : new BilingualText(pair.Fr, pair.En);
}

/// <summary>ProblemDetails in the request's language, shared by the API's endpoints.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Of(int status, string titleFr, string titleEn, string? detailFr = null, string? detailEn = null)
    {
        var fr = Localization.CurrentLanguage == Language.Fr;
        return TypedResults.Problem(statusCode: status, title: fr ? titleFr : titleEn, detail: fr ? detailFr : detailEn);
    }
}
