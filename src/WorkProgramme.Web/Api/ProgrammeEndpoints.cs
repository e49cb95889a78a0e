using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>GET /api/programmes and GET /api/programmes/{slug}: the programme file format, as <c>wp export</c> writes it.</summary>
public static class ProgrammeEndpoints
{
    public sealed record ProgrammeListItem(
        string Slug,
        TextPair Title,
        string Body,
        PeriodDto Period,
        VersionSummary Version,
        int TimeBoundActivities,
        int PermanentActivities);

    public sealed record VersionSummary(string Label, string? DocumentSymbol, string State);

    /// <summary>The endpoint's name, which pages link to it by.</summary>
    public const string GetOne = "GetProgramme";

    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/programmes").WithTags("Programmes");
        var published = api.MapGroup("").AllowAnonymous();
        published.MapGet("/", ListAsync).WithName("ListProgrammes").WithSummary("Every programme with its latest version.");
        published.MapGet("/{slug}", GetAsync).WithName(GetOne)
            .WithSummary("One version of a programme (the latest unless ?version= names one) in the programme file format.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeListItem>>> ListAsync(HttpContext context, ListProgrammes.Handler handler, CancellationToken cancellationToken)
    {
        var programmes = await handler.HandleAsync(new ListProgrammes.Query(context.Viewer()), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProgrammeListItem>>(programmes.Select(p => new ProgrammeListItem(
            p.Slug,
            new TextPair(p.Title.Fr, p.Title.En),
            p.BodyCode,
            new PeriodDto(p.PeriodStart, p.PeriodEnd),
            new VersionSummary(p.VersionLabel, p.DocumentSymbol, Wire.Name(p.State)),
            p.TimeBoundActivities,
            p.PermanentActivities)).ToList());
    }

    private static async Task<Results<Ok<ProgrammeFile>, ProblemHttpResult>> GetAsync(
        HttpContext context, string slug, [FromQuery] string? version, ExportProgramme.Handler handler, CancellationToken cancellationToken)
    {
        var file = await handler.HandleAsync(new ExportProgramme.Query(context.Viewer(), slug, version), cancellationToken);
        if (file is not null)
        {
            return TypedResults.Ok(file);
        }

        var fr = Localization.CurrentLanguage == Domain.Common.Language.Fr;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: fr ? "Programme introuvable" : "Programme not found",
            detail: version is null
                ? (fr ? $"Aucun programme « {slug} »." : $"There is no programme '{slug}'.")
                : (fr ? $"Aucune version « {version} » du programme « {slug} »." : $"There is no version '{version}' of programme '{slug}'."));
    }
}
