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
            .RequireIfMatch().RequireAuthorization(Policies.Edit).AddEndpointFilter<ActivityEndpoints.CookieAntiforgery>();
        programme.MapPost("/rounds/{session}/publish", PublishAsync).WithName("PublishRound")
            .RequireAuthorization(Policies.Edit).AddEndpointFilter<ActivityEndpoints.CookieAntiforgery>()
            .WithSummary("Publishes the round; with reports not yet updated, answers 409 listing them unless ?confirm=true.");
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
        var result = await write.HandleAsync(new WriteReport.Update(context.Viewer(), slug, session, activityId, ApiProblems.IfMatch(context),
            keyword, Text(body.Text), Text(body.NextSteps),
            body.MilestonesReached.Select(m => new ReachedMilestone(m.Date, Text(m.Text))).ToList()), cancellationToken);
        if (result.Outcome == RoundOutcome.Done)
        {
            var report = (await reports.VisibleAsync(context.Viewer(), slug, session, activityId, cancellationToken))!;
            context.Response.Headers.ETag = $"\"{report.RowVersion}\"";
            return TypedResults.Ok(ToDto(report));
        }

        if (result.RowVersion is { } current)
        {
            context.Response.Headers.ETag = $"\"{current}\"";
        }

        return ApiProblems.For(result);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> PublishAsync(HttpContext context, string slug, string session, bool? confirm,
        PublishRound.Handler publish, CancellationToken cancellationToken)
    {
        var result = await publish.HandleAsync(new PublishRound.Command(context.Viewer(), slug, session, confirm == true), cancellationToken);
        return result.Outcome == RoundOutcome.Done ? TypedResults.Ok() : ApiProblems.For(result);
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

    /// <summary>The row version named by If-Match: null when absent, -1 when unreadable (so it never matches).</summary>
    public static int? IfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.ToString().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : -1;
    }

    public static ProblemHttpResult For(RoundResult result)
    {
        var problem = result.Outcome switch
        {
            RoundOutcome.NotFound => Of(StatusCodes.Status404NotFound, "Introuvable", "Not found"),
            RoundOutcome.Forbidden => Of(StatusCodes.Status403Forbidden, "Vous ne pouvez pas modifier ce programme", "You may not change this programme"),
            RoundOutcome.MissingVersion => Of(StatusCodes.Status428PreconditionRequired, "En-tête If-Match manquant", "If-Match header missing"),
            RoundOutcome.Conflict => Of(StatusCodes.Status412PreconditionFailed, "Modifié entre-temps", "Changed in the meantime",
                "Relisez la version actuelle (ETag) et recommencez.", "Read the current version (ETag) and try again."),
            RoundOutcome.NeedsConfirmation => Of(StatusCodes.Status409Conflict, "Des rapports n’ont pas été mis à jour", "Some reports were not updated",
                "Relancez avec ?confirm=true pour publier quand même.", "Call again with ?confirm=true to publish anyway."),
            _ => Of(StatusCodes.Status409Conflict, result.Problem?.Fr ?? "Refusé", result.Problem?.En ?? "Refused"),
        };
        if (result.Pending is { } pending)
        {
            problem.ProblemDetails.Extensions["pending"] = pending;
        }

        return problem;
    }
}
